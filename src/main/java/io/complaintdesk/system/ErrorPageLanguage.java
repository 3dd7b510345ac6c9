package io.complaintdesk.system;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;

/**
 * Spring Boot's error answer ({@code /error}: what Spring Security's 401 and 403 and the servlet
 * container's errors end in) names its status in the caller's language: {@code "error": "禁止访问"}
 * unless {@code Accept-Language} asks for English.
 */
@Component
class ErrorPageLanguage extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
		if (attributes.get("status") instanceof Integer status) {
			HttpStatus known = HttpStatus.resolve(status);
			String reason = (known != null) ? known.getReasonPhrase() : String.valueOf(attributes.get("error"));
			attributes.put("error", Messages.render(Text.of("http.status." + status).orElse(reason),
					Messages.language(webRequest.getHeader(HttpHeaders.ACCEPT_LANGUAGE))));
		}
		return attributes;
	}

}
