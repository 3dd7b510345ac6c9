package io.complaintdesk.engine;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.complaintdesk.base.DeskZone;

/** Beans of the engine adapter that the rest of the desk uses through public types. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeskZone.class)
public class EngineConfiguration {

	/** The desk's clock (see {@link EngineClock}). */
	@Bean
	public Clock deskClock(DeskZone desk) {
		return new EngineClock(desk.zone());
	}

}
