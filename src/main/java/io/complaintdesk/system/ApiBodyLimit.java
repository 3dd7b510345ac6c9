package io.complaintdesk.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the body of a {@code /api} request to {@value #MAX_BYTES} bytes, whether it announces its
 * length or is chunked: the largest legitimate body (a complaint with a description of 4,000
 * characters, each escaped as {@code \\uXXXX}) is well below it. Reading past the limit fails with
 * {@link BodyTooLargeException}, which {@link ApiExceptionHandler} answers with 413 before anything
 * is stored. Runs after Spring Security, so an anonymous caller gets 401 first.
 */
@Component
class ApiBodyLimit extends OncePerRequestFilter {

	static final int MAX_BYTES = 64 * 1024;

	private static final int DISCARD_BYTES = 2 * 1024 * 1024;

	/** uploads to the case file: limited by {@code spring.servlet.multipart.*} and the case file's own limits */
	private static final java.util.regex.Pattern ATTACHMENT_UPLOAD = java.util.regex.Pattern
		.compile("/api/complaints/[^/]+/attachments");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && ATTACHMENT_UPLOAD.matcher(path).matches()
				&& request.getContentType() != null
				&& request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
			return true;
		}
		return !path.startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LimitedRequest limited = new LimitedRequest(request);
		chain.doFilter(limited, response);
		if (response.getStatus() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
			limited.discardUnread();
		}
	}

	/** The body of a request is larger than {@value #MAX_BYTES} bytes. */
	static class BodyTooLargeException extends IOException {

		BodyTooLargeException() {
			super("The request body is larger than " + MAX_BYTES / 1024 + " KiB");
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private ServletInputStream body;

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		/**
		 * Reads what the client is still sending, up to Tomcat's own limit for this
		 * ({@code server.tomcat.max-swallow-size}, 2 MiB): Tomcat closes the connection after a
		 * 413, and closing it with unread data would reset it before the client reads the answer.
		 */
		void discardUnread() throws IOException {
			ServletInputStream raw = getRequest().getInputStream();
			byte[] buffer = new byte[8192];
			long discarded = 0;
			int n;
			while (discarded < DISCARD_BYTES && (n = raw.read(buffer)) > 0) {
				discarded += n;
			}
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (getContentLengthLong() > MAX_BYTES) {
				throw new BodyTooLargeException();
			}
			if (this.body == null) {
				this.body = new LimitedInputStream(super.getInputStream());
			}
			return this.body;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long read;

		LimitedInputStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > MAX_BYTES) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
