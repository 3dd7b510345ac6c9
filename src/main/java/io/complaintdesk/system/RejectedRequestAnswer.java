package io.complaintdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Problems;
import io.complaintdesk.base.Text;

/**
 * Answers a request that Spring Security's firewall refuses (an encoded slash or dot segment, a
 * line break or control character in the URL or a parameter, …) with a 400 problem detail a person
 * can read (in the caller's language), instead of an empty error page. Spring Security picks up this
 * bean by its type. The answer never repeats the refused URL.
 */
@Component
class RejectedRequestAnswer implements RequestRejectedHandler {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		Locale language = Messages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Text.of("api.requestRejected"), language);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		response.getWriter().write(JSON.writeValueAsString(body));
	}

}
