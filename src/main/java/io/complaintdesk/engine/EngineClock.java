package io.complaintdesk.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The desk's one clock: a {@link Clock} in the desk's zone that reads the engine's clock, so that
 * the application's own timestamps, the engine's due dates and its timers always agree. Business
 * code gets it injected as {@code java.time.Clock}; tests move it through the engine's clock
 * ({@code TestClock} in the test sources), which moves both at once.
 */
public final class EngineClock extends Clock {

	private final ZoneId zone;

	public EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new EngineClock(zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.now().toInstant();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EngineClock clock && clock.zone.equals(this.zone);
	}

	@Override
	public int hashCode() {
		return this.zone.hashCode();
	}

	@Override
	public String toString() {
		return "EngineClock[" + this.zone + "]";
	}

}
