package io.complaintdesk.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

import io.complaintdesk.base.Messages;

/**
 * The language of a {@code /api} answer (problem details, Bean Validation's field errors): the
 * request's {@code Accept-Language} as {@link Messages#language} reads it — Chinese unless the
 * caller asks for English. Fixed per request: nothing on the server changes it.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean
	LocaleResolver localeResolver() {
		return new AcceptLanguage();
	}

	static final class AcceptLanguage implements LocaleResolver {

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return Messages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			throw new UnsupportedOperationException("The language follows the request's Accept-Language header");
		}

	}

}
