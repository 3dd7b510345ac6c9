package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. {@code /api} and {@code /engine-rest} authenticate with the Camunda users
 * (HTTP Basic; {@code /api} calls also accept the Camunda web-app session: reading always, changing
 * with the session's CSRF token) and run with
 * that user set on the engine, so the engine's authorization checks apply to REST calls too. The
 * Camunda web apps keep their own login and CSRF protection.
 */
@Configuration
class SecurityConfiguration {

	private static final String[] STAFF_AND_ADMINS = concat(Groups.STAFF, Groups.ADMINS);

	private static final String[] INTAKE_AND_ADMINS = concat(Groups.INTAKE, Groups.ADMINS);

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProcessEngine engine) throws Exception {
		IdentityService identityService = engine.getIdentityService();
		// path matchers, not MVC matchers: /engine-rest is served by Jersey, not by Spring MVC
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"),
				path.matcher("/actuator/**")))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(path.matcher("/actuator/health/**"), path.matcher("/actuator/health"),
						path.matcher("/actuator/info"))
				.permitAll()
				.requestMatchers(path.matcher("/actuator/prometheus"))
				.hasAnyAuthority(Groups.MONITORING, Groups.ADMINS)
				.requestMatchers(path.matcher(HttpMethod.POST, "/api/complaints"))
				.hasAnyAuthority(INTAKE_AND_ADMINS)
				.requestMatchers(path.matcher("/api/**"))
				.hasAnyAuthority(STAFF_AND_ADMINS)
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.realmName("complaint-desk"))
			// stateless clients with HTTP Basic: no session cookie, so no CSRF to protect against
			.csrf((csrf) -> csrf.disable())
			// never touch the web apps' session: no new session id on the first /api call (a Cockpit
			// request still in flight with the old id would be logged out), no context stored in it
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER)
				.sessionFixation((fixation) -> fixation.none()))
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.addFilterBefore(new WebappSessionFilter(identityService, engine.getName()), BasicAuthenticationFilter.class)
			.addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
		// Tasklist, Cockpit and Admin authenticate and protect against CSRF themselves
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()));
		return http.build();
	}

	/** CVE-2026-109432: no expressions in task queries from engine REST or the web apps. */
	@Bean
	FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard(ObjectMapper json) {
		FilterRegistrationBean<TaskQueryExpressionGuard> registration = new FilterRegistrationBean<>(
				new TaskQueryExpressionGuard(json));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/** The web apps' own unbounded lists paged at the engine's limit, which API callers keep (item 8 of issue 15). */
	@Bean
	FilterRegistrationBean<WebappQueryPaging> webappQueryPaging(
			@Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2000}") int limit) {
		FilterRegistrationBean<WebappQueryPaging> registration = new FilterRegistrationBean<>(
				new WebappQueryPaging(limit));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/** CVE-2026-77226: no first-run setup in Admin once the desk has users. */
	@Bean
	FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(ProcessEngine engine) {
		FilterRegistrationBean<AdminSetupGuard> registration = new FilterRegistrationBean<>(
				new AdminSetupGuard(engine.getIdentityService()));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	AuthenticationProvider camundaIdentityAuthentication(IdentityService identityService) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				String user = authentication.getName();
				Object password = authentication.getCredentials();
				if (password == null || !identityService.checkPassword(user, password.toString())) {
					throw new BadCredentialsException("Bad credentials");
				}
				return token(user, groupsOf(identityService, user));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}

		};
	}

	static List<String> groupsOf(IdentityService identityService, String user) {
		return identityService.createGroupQuery().groupMember(user).unlimitedList().stream().map(Group::getId).toList();
	}

	private static UsernamePasswordAuthenticationToken token(String user, List<String> groups) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				groups.stream().map(SimpleGrantedAuthority::new).toList());
	}

	private static String[] concat(List<String> groups, String extra) {
		return java.util.stream.Stream.concat(groups.stream(), java.util.stream.Stream.of(extra))
			.toArray(String[]::new);
	}

	/** GET /api with a Tasklist/Cockpit session: the user logged into the web apps. */
	static final class WebappSessionFilter extends OncePerRequestFilter {

		private final IdentityService identityService;

		private final String engineName;

		WebappSessionFilter(IdentityService identityService, String engineName) {
			this.identityService = identityService;
			this.engineName = engineName;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			if (session != null && (HttpMethod.GET.matches(request.getMethod()) || carriesCsrfToken(request, session))
					&& request.getRequestURI().startsWith(request.getContextPath() + "/api/")
					&& SecurityContextHolder.getContext().getAuthentication() == null) {
				org.camunda.bpm.webapp.impl.security.auth.Authentication webappUser = AuthenticationUtil
					.getAuthsFromSession(session)
					.getAuthenticationForProcessEngine(this.engineName);
				if (webappUser != null) {
					SecurityContextHolder.getContext()
						.setAuthentication(token(webappUser.getName(), groupsOf(this.identityService, webappUser.getName())));
				}
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * A changing {@code /api} call from a web app (the Tasklist case tab's notes, uploads, pause and
	 * resume) counts as the session's user only with the session's CSRF token in {@code X-XSRF-TOKEN},
	 * as Camunda's own CSRF filter demands of the web apps' requests: a page of another site can make
	 * the browser send the session cookie, not read the token.
	 */
	static boolean carriesCsrfToken(HttpServletRequest request, HttpSession session) {
		Object expected = session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
		String sent = request.getHeader(CSRF_TOKEN_HEADER);
		return expected instanceof String token && !token.isEmpty() && sent != null
				&& java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
						sent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** where Camunda's CsrfPreventionFilter keeps a session's token, and the header the web apps send it in */
	static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

	static final String CSRF_TOKEN_HEADER = "X-XSRF-TOKEN";

	/** Runs the rest of the request as the authenticated user on the engine. */
	static final class EngineAuthenticationFilter extends OncePerRequestFilter {

		private final IdentityService identityService;

		EngineAuthenticationFilter(IdentityService identityService) {
			this.identityService = identityService;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !authentication.isAuthenticated()
					|| !(authentication instanceof UsernamePasswordAuthenticationToken)) {
				chain.doFilter(request, response);
				return;
			}
			List<String> groups = authentication.getAuthorities().stream().map((a) -> a.getAuthority()).toList();
			// with the user's tenants, as Tasklist and engine REST authenticate: the cases about other
			// employees (tenants not-<user>, README "Who may read a case")
			List<String> tenants = this.identityService.createTenantQuery()
				.userMember(authentication.getName())
				.includingGroupsOfUser(true)
				.unlimitedList()
				.stream()
				.map((tenant) -> tenant.getId())
				.toList();
			this.identityService.setAuthentication(authentication.getName(), groups, tenants);
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.identityService.clearAuthentication();
			}
		}

	}

}
