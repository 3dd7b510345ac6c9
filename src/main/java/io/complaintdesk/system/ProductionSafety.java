package io.complaintdesk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The production profile ({@code postgres}) refuses to start with what only suits a try-out: the
 * {@code demo} profile, no administrator from the environment, or a default or weak administrator
 * password. Runs before anything is created, right after the configuration is read;
 * {@link DemoUsersCheck} looks at the users once the engine is up.
 */
public class ProductionSafety implements EnvironmentPostProcessor, Ordered {

	/** The profile a production desk runs with. */
	public static final String PRODUCTION_PROFILE = "postgres";

	static final int MIN_PASSWORD_LENGTH = 12;

	/** Passwords found in examples, demo data and Camunda's own documentation. */
	private static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "camunda", "password", "changeme",
			"change-me", "secret", "administrator", "123456789012", "password1234", "admin1234567");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new UnsafeProductionException(problems);
		}
	}

	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		if (environment.acceptsProfiles(Profiles.of("demo"))) {
			problems.add("the demo profile (demo users with known passwords) is active together with "
					+ PRODUCTION_PROFILE + "; start with --spring.profiles.active=" + PRODUCTION_PROFILE + " only");
		}
		String user = environment.getProperty("camunda.bpm.admin-user.id", "").trim();
		String password = environment.getProperty("camunda.bpm.admin-user.password", "");
		if (user.isEmpty()) {
			problems.add("no administrator: set COMPLAINT_DESK_ADMIN_USER (camunda.bpm.admin-user.id)");
		}
		if (password.isEmpty()) {
			problems.add("no administrator password: set COMPLAINT_DESK_ADMIN_PASSWORD (camunda.bpm.admin-user.password)");
		}
		else if (isWeak(user, password)) {
			problems.add("the administrator password is a default or weak one: use at least " + MIN_PASSWORD_LENGTH
					+ " characters that are not the user id or a well-known default");
		}
		return problems;
	}

	static boolean isWeak(String user, String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		return password.length() < MIN_PASSWORD_LENGTH || DEFAULT_PASSWORDS.contains(lower)
				|| (!user.isEmpty() && lower.contains(user.toLowerCase(Locale.ROOT)))
				|| password.chars().distinct().count() < 5;
	}

	@Override
	public int getOrder() {
		// after the configuration files (and their profile-specific parts) are read
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Why a production desk did not start; turned into a readable report by {@link UnsafeProductionAnalyzer}. */
	public static class UnsafeProductionException extends IllegalStateException {

		private final List<String> problems;

		UnsafeProductionException(List<String> problems) {
			super("Refusing to start the production profile: " + String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		public List<String> getProblems() {
			return this.problems;
		}

	}

}
