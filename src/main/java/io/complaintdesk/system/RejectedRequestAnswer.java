package io.complaintdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a request that Spring Security's firewall refuses (an encoded slash or dot segment, a
 * line break or control character in the URL or a parameter, …) with a 400 problem detail a person
 * can read, instead of an empty error page. Spring Security picks up this bean by its type. The
 * answer never repeats the refused URL.
 */
@Component
class RejectedRequestAnswer implements RequestRejectedHandler {

	static final String BODY = """
			{"type":"about:blank","title":"Bad Request","status":400,\
			"detail":"The request was refused: its address or parameters contain characters that are not allowed \
			(an encoded slash or dot segment, a line break or another control character)."}""";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(BODY);
	}

}
