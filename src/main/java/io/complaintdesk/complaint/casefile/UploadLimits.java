package io.complaintdesk.complaint.casefile;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The container's multipart limits follow the case file's: a part may be 1 MiB larger than
 * {@code complaint-desk.case-file.max-file-size} and a request 2 MiB larger (the description and
 * kind travel with the file), so that a file just over the limit reaches the desk and gets its own
 * Chinese 413 with the sizes, and raising the limit in one property is enough. Parts above 256 KiB
 * go to a temporary file: an upload is streamed, never held whole in memory. Replaces Spring Boot's
 * {@code spring.servlet.multipart.*} (its auto-configuration backs off when this bean exists).
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

	static final DataSize MARGIN = DataSize.ofMegabytes(1);

	@Bean
	MultipartConfigElement multipartConfigElement(CaseFileProperties caseFile) {
		long maxFile = caseFile.maxFileSize().toBytes();
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(DataSize.ofBytes(maxFile + MARGIN.toBytes()));
		factory.setMaxRequestSize(DataSize.ofBytes(maxFile + 2 * MARGIN.toBytes()));
		factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
		return factory.createMultipartConfig();
	}

}
