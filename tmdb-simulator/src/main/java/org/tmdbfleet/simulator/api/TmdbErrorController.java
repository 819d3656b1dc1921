package org.tmdbfleet.simulator.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page for failures outside any handler (a filter throwing, the servlet
 * container rejecting a request), so clients see TMDB's error body there too.
 */
@RestController
class TmdbErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<TmdbError> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatusCode status = (code instanceof Integer value) ? HttpStatusCode.valueOf(value)
				: HttpStatus.INTERNAL_SERVER_ERROR;
		return ResponseEntity.status(status).body(TmdbError.forStatus(status, null));
	}

}
