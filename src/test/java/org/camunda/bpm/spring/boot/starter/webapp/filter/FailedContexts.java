package org.camunda.bpm.spring.boot.starter.webapp.filter;

/**
 * Test-only: Camunda's web-app filters find their Spring context through a static field that is
 * cleared when a context closes, but not when its start fails. A test that makes the application
 * refuse to start (after the web-app filters were registered) calls {@link #forget()}, so the next
 * application started in the same JVM does not initialise its filters from the failed context.
 */
public final class FailedContexts {

	private FailedContexts() {
	}

	public static void forget() {
		LazyInitRegistration.APPLICATION_CONTEXT = null;
	}

}
