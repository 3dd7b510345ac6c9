package io.complaintdesk.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.complaintdesk.system.ProductionSafety.UnsafeProductionException;

/**
 * In production, refuses to start while a demo user still logs in with its demo password (for
 * example on a database that once ran the demo profile), unless told to delete them
 * ({@code complaint-desk.remove-demo-users}, env {@code COMPLAINT_DESK_REMOVE_DEMO_USERS}). Runs once the engine is built and before
 * the web server takes requests.
 */
@Component
@Profile(ProductionSafety.PRODUCTION_PROFILE)
class DemoUsersCheck implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoUsersCheck.class);

	/** The contract's demo users and their passwords: the id, except demo/demo. */
	static Map<String, String> demoCredentials() {
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("demo", "demo");
		DemoData.userIds().forEach((user) -> credentials.put(user, user));
		return credentials;
	}

	private final IdentityService identity;

	private final boolean removeDemoUsers;

	DemoUsersCheck(IdentityService identity,
			@Value("${complaint-desk.remove-demo-users:false}") boolean removeDemoUsers) {
		this.identity = identity;
		this.removeDemoUsers = removeDemoUsers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> found = new ArrayList<>();
		demoCredentials().forEach((user, password) -> {
			if (this.identity.createUserQuery().userId(user).count() > 0 && this.identity.checkPassword(user, password)) {
				found.add(user);
			}
		});
		if (!found.isEmpty() && this.removeDemoUsers) {
			log.warn("Deleting demo users with their demo passwords: {}", found);
			found.forEach(this.identity::deleteUser);
			return;
		}
		if (!found.isEmpty()) {
			throw new UnsafeProductionException(List.of("demo users with their demo passwords exist: "
					+ String.join(", ", found) + " (start once with COMPLAINT_DESK_REMOVE_DEMO_USERS=true to delete them)"));
		}
	}

}
