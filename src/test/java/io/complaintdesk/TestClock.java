package io.complaintdesk;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Moves the desk's one clock in tests. The application reads time only through its
 * {@code java.time.Clock} bean ({@code io.complaintdesk.engine.EngineClock}), which reads the
 * engine's clock; moving it here moves the application's timestamps, due dates and timers at once.
 */
public final class TestClock {

	private TestClock() {
	}

	public static void setCurrentTime(Date time) {
		ClockUtil.setCurrentTime(time);
	}

	public static void reset() {
		ClockUtil.reset();
	}

	public static Date now() {
		return ClockUtil.now();
	}

}
