package org.tmdbfleet.gateway.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize the largest request body the API reads; a larger one is answered 413
 * before it is parsed (an import request is well under 1 KB)
 */
@Validated
@ConfigurationProperties("fleet.api")
record RequestLimitProperties(@DefaultValue("64KB") @NotNull DataSize maxBodySize) {
}
