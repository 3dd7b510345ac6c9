package io.complaintdesk.base;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The desk's message bundles as the application's {@code messageSource}: Spring MVC's problem
 * details and Bean Validation (Spring Boot resolves {@code {key}} in constraint messages from it)
 * read the same texts as {@link Messages}. Replaces Spring Boot's own, which would fall back to the
 * server's locale.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource() {
		return Messages.source();
	}

}
