package io.complaintdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ComplaintDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(ComplaintDeskApplication.class, args);
	}

}
