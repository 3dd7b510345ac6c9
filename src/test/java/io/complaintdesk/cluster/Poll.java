package io.complaintdesk.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assertions;

/** Waits for a condition by asking again and again (Awaitility) until a deadline; never sleeps for a result. */
final class Poll {

	private static final Duration INTERVAL = Duration.ofMillis(200);

	private Poll() {
	}

	/**
	 * @return how long it took
	 * @throws AssertionError naming what did not happen when the deadline passes
	 */
	static Duration until(Duration timeout, String what, BooleanSupplier condition) {
		long start = System.nanoTime();
		try {
			Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(INTERVAL)
				.until(condition::getAsBoolean);
		}
		catch (ConditionTimeoutException ex) {
			Assertions.fail("Not within " + timeout + ": " + what);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
