package io.complaintdesk.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.complaintdesk.system.ProductionSafety.UnsafeProductionException;

/** "APPLICATION FAILED TO START" with the list of what to fix instead of a stack trace. */
class UnsafeProductionAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionException cause) {
		return new FailureAnalysis(
				"The production profile '" + ProductionSafety.PRODUCTION_PROFILE + "' refuses to start:\n  - "
						+ String.join("\n  - ", cause.getProblems()),
				"Set COMPLAINT_DESK_ADMIN_USER and a strong COMPLAINT_DESK_ADMIN_PASSWORD in the environment, "
						+ "run without the demo profile, and remove or re-password demo users (README, section 'Production hardening').",
				cause);
	}

}
