package org.tmdbfleet.gateway.tracking;

import java.util.UUID;

import org.tmdbfleet.common.messages.ImportSource;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ImportJobRepository extends JpaRepository<ImportJob, UUID>, JpaSpecificationExecutor<ImportJob> {

	static Specification<ImportJob> fromSource(ImportSource source) {
		return (source == null) ? Specification.unrestricted()
				: (root, query, builder) -> builder.equal(root.get("source"), source.wireName());
	}

}
