package io.complaintdesk.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assertions;

/** Waits for a condition by asking again and again until a deadline; never sleeps for a result. */
final class Poll {

	private static final long INTERVAL_MILLIS = 200;

	private Poll() {
	}

	/**
	 * @return how long it took
	 * @throws AssertionError naming what did not happen when the deadline passes
	 */
	static Duration until(Duration timeout, String what, BooleanSupplier condition) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				Assertions.fail("Not within " + timeout + ": " + what);
			}
			pause();
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static void pause() {
		try {
			Thread.sleep(INTERVAL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while polling", ex);
		}
	}

}
