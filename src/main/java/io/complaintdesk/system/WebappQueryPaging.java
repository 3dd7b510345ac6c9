package io.complaintdesk.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's {@code queryMaxResultsLimit} refuses every list query of an authenticated user that
 * asks for no page ("An unbound number of results is forbidden!"), and Cockpit asks so for a few
 * short lists of its own: every visit of a process page lists the definition's versions with
 * {@code GET process-definition?key=…&sortBy=version&sortOrder=desc}, a decision page its
 * versions. The limit stays for every API caller ({@code /engine-rest} is not touched here); the
 * web apps' own engine API ({@code /camunda/api/engine/engine/{engine}/…}) gets its unbounded GET
 * lists paged here: {@code firstResult=0&maxResults=<limit>} added where the request names no
 * {@code maxResults}. A list longer than the limit is cut at the limit (the versions of a process,
 * the deployments: far fewer in practice), never refused.
 */
class WebappQueryPaging extends OncePerRequestFilter {

	/** The web apps' copy of engine REST (not {@code /engine-rest}); counts are not lists. */
	static final Pattern WEBAPP_ENGINE_API = Pattern.compile("/camunda/api/engine/engine/[^/]+/.+");

	private final int limit;

	WebappQueryPaging(int limit) {
		this.limit = limit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"GET".equals(request.getMethod()) || !WEBAPP_ENGINE_API.matcher(path).matches()
				|| path.endsWith("/count") || request.getParameter("maxResults") != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Paged(request, this.limit), response);
	}

	/** The request with a first page of {@code limit} rows asked for. */
	static final class Paged extends HttpServletRequestWrapper {

		private final String queryString;

		private final Map<String, String[]> parameters;

		Paged(HttpServletRequest request, int limit) {
			super(request);
			String paging = (request.getParameter("firstResult") == null ? "firstResult=0&" : "") + "maxResults="
					+ limit;
			String query = request.getQueryString();
			this.queryString = (query == null || query.isEmpty()) ? paging : query + "&" + paging;
			Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
			parameters.putIfAbsent("firstResult", new String[] { "0" });
			parameters.put("maxResults", new String[] { Integer.toString(limit) });
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		@Override
		public String getQueryString() {
			return this.queryString;
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values == null || values.length == 0) ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
