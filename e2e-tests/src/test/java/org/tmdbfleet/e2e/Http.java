package org.tmdbfleet.e2e;

import org.tmdbfleet.common.kafka.FleetJson;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** What a user's HTTP client sees: status, headers and body, without exceptions for 4xx/5xx. */
final class Http {

	private final RestClient client;

	Http(String baseUrl) {
		this.client = RestClient.create(baseUrl);
	}

	/** A client that sends {@code Authorization: Bearer <token>}, as the gateway's mutations need when it has tokens. */
	Http(String baseUrl, String token) {
		this.client = RestClient.builder().baseUrl(baseUrl).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	ResponseEntity<String> get(String path) {
		return client.get().uri(path).retrieve().onStatus(status -> true, (request, response) -> {
		}).toEntity(String.class);
	}

	JsonNode getJson(String path) {
		return FleetJson.MAPPER.readTree(get(path).getBody());
	}

	ResponseEntity<String> post(String path, String json) {
		return client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.onStatus(status -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	void delete(String path) {
		client.delete().uri(path).retrieve().toBodilessEntity();
	}

	void put(String path, String json) {
		client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toBodilessEntity();
	}

}
