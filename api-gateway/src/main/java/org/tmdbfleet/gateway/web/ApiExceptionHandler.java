package org.tmdbfleet.gateway.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refused request into {@code application/problem+json}. Spring MVC's own
 * exceptions keep their status (404, 405, 406, 415, ...); binding, validation and parse errors,
 * and the services' {@link InvalidInput}, become a 400 whose {@code errors} name each field and
 * the reason; a {@link NotFound} is a 404, a {@link Conflict} a 409. Anything unexpected is a 500
 * that says nothing about its cause: the cause goes to the log.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, fieldErrors(ex.getBindingResult()), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors body) {
				errors.addAll(fieldErrors(body));
				continue;
			}
			String name = parameterName(result.getMethodParameter());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(new InvalidField(name, error.getDefaultMessage()));
			}
		}
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, List.of(InputDescriptions.unreadableBody(ex)), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: ex.getPropertyName();
		return invalid(ex, List.of(new InvalidField(name, InputDescriptions.expected(ex.getRequiredType()))),
				headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, List.of(new InvalidField(ex.getParameterName(), "is required")), headers, request);
	}

	/** Spring's own text speaks of static resources; an API client asked for an endpoint. */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No endpoint answers " + ex.getHttpMethod() + " on this path.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
	}

	/** Something the request names does not exist. */
	@ExceptionHandler(NotFound.class)
	ResponseEntity<Object> notFound(NotFound ex, WebRequest request) {
		return refuse(new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()), null), request);
	}

	/** The state of what the request names refuses it: titled by the conflict, naming its input. */
	@ExceptionHandler(Conflict.class)
	ResponseEntity<Object> conflict(Conflict ex, WebRequest request) {
		ProblemDetail problem = Problems.invalid(HttpStatus.CONFLICT, List.of(ex.input()));
		problem.setTitle(ex.title());
		return refuse(new ErrorResponseException(HttpStatus.CONFLICT, problem, null), request);
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<Object> invalidInput(InvalidInput ex, WebRequest request) {
		return refuse(new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(ex.errors()), null), request);
	}

	/**
	 * A service's refusal is answered as Spring MVC answers an ErrorResponseException (a
	 * ResponseStatusException, say): its problem negotiated against the Accept header, where the
	 * problems built here for Spring's own exceptions have their type preset. An Accept header
	 * that cannot be parsed gets the status without a body.
	 */
	private ResponseEntity<Object> refuse(ErrorResponseException refusal, WebRequest request) {
		return handleErrorResponseException(refusal, refusal.getHeaders(), refusal.getStatusCode(), request);
	}

	/**
	 * Tomcat parses the query string lazily and refuses a malformed one (a bad escape, an empty
	 * name) only when a parameter is first read, inside the controller's argument resolution.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> malformedQuery(InvalidParameterException ex, WebRequest request) {
		return invalid(ex, List.of(new InvalidField("query string",
				"is malformed: bad percent-encoding, a parameter without a name, or too many parameters")),
				new HttpHeaders(), request);
	}

	/**
	 * The database is down or out of connections: nothing is wrong with the request, so 503 with
	 * Retry-After, not a 500. The workers keep retrying on their side; nothing is lost.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
		log.warn("Database unavailable answering {}: {}", describe(request), ex.getClass().getSimpleName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database is unavailable right now. Retry in a few seconds.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/** The last line: a 500 that tells the client nothing about the server's internals. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error answering {}", describe(request), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server could not answer this request. The error is logged; retry later.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
		if (body instanceof ProblemDetail problem) {
			if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
				problem.setInstance(Problems.instance(servlet.getRequest().getRequestURI()));
			}
			// a preset type is written whatever the Accept header says, even one that cannot be parsed
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		return super.handleExceptionInternal(ex, body, problemHeaders, statusCode, request);
	}

	private ResponseEntity<Object> invalid(Exception ex, List<InvalidField> errors, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	private static List<InvalidField> fieldErrors(Errors errors) {
		List<InvalidField> fields = new ArrayList<>();
		for (FieldError error : errors.getFieldErrors()) {
			// a field that could not be converted carries Spring's technical text: say what it must be
			String message = error.isBindingFailure()
					? InputDescriptions.expected(errors.getFieldType(error.getField())) : error.getDefaultMessage();
			fields.add(new InvalidField(error.getField(), message));
		}
		for (ObjectError error : errors.getGlobalErrors()) {
			fields.add(new InvalidField("body", error.getDefaultMessage()));
		}
		return fields;
	}

	/** The name the client used: the header, query parameter or path variable name. */
	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null) {
			return StringUtils.hasText(header.name()) ? header.name() : header.value();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && (StringUtils.hasText(param.name()) || StringUtils.hasText(param.value()))) {
			return StringUtils.hasText(param.name()) ? param.name() : param.value();
		}
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && (StringUtils.hasText(path.name()) || StringUtils.hasText(path.value()))) {
			return StringUtils.hasText(path.name()) ? path.name() : path.value();
		}
		return parameter.getParameterName();
	}

	private static String describe(WebRequest request) {
		return (request instanceof ServletWebRequest servlet)
				? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI() : "a request";
	}

}
