package org.tmdbfleet.simulator.fault;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Drops a connection without a byte of an answer, as a crashed server or a proxy giving up does;
 * the client sees an {@link IOException} ("header parser received no bytes", "Connection reset",
 * "Unexpected end of file"). The servlet API cannot do that, so a filter marks the request with
 * {@link #drop} and a Tomcat valve, after the application has run, tells Tomcat to close the
 * connection at once and to discard the response it has not sent.
 */
@Component
class ConnectionReset implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private static final String REQUESTED = ConnectionReset.class.getName() + ".REQUESTED";

	/** Has the connection of this request dropped instead of answered; the caller writes nothing. */
	static void drop(HttpServletRequest request, HttpServletResponse response) {
		// never sent; nginx's code for "closed without a response", so the request metrics tell resets apart
		response.setStatus(444);
		request.setAttribute(REQUESTED, Boolean.TRUE);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextValves(new DropValve());
	}

	private static final class DropValve extends ValveBase {

		DropValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			if (request.getAttribute(REQUESTED) != null) {
				response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
			}
		}

	}

}
