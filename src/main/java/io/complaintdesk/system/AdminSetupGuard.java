package io.complaintdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;

/**
 * Mitigation of CVE-2026-77226: Admin's first-run setup ({@code POST
 * /camunda/api/admin/setup/{engine}/user/create}) creates a user with full administrator rights
 * whenever the {@code camunda-admin} group has no direct member — even on a running desk whose
 * administrators hold their rights another way. Camunda 7.24 CE gets no fix, so the desk refuses
 * the setup endpoint with 403 as soon as the engine knows any user: a desk is set up by its
 * configured administrator ({@code camunda.bpm.admin-user}), never through this page.
 * {@link AdminMembership} keeps that administrator a direct member as well.
 */
class AdminSetupGuard extends OncePerRequestFilter {

	static final String SETUP_PATH = "/camunda/api/admin/setup/";

	private static final Logger log = LoggerFactory.getLogger(AdminSetupGuard.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final IdentityService identityService;

	AdminSetupGuard(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the web apps' path is matched case-insensitively and after normalisation by the container
		return !request.getRequestURI()
			.substring(request.getContextPath().length())
			.toLowerCase(java.util.Locale.ROOT)
			.startsWith(SETUP_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.identityService.createUserQuery().count() > 0) {
			log.warn("Refused Admin's first-run setup from {}: the desk is set up", request.getRemoteAddr());
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			String message = Messages.render(Text.of("rest.adminSetup.done"),
					Messages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
			response.getWriter()
				.write(JSON.writeValueAsString(Map.of("type", "ForbiddenException", "message", message)));
			return;
		}
		chain.doFilter(request, response);
	}

}
