package org.tmdbfleet.gateway.imports;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ImportJobRepository extends JpaRepository<ImportJob, UUID> {

}
