package io.kopij.author;

import io.kopij.shared.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "author")
public class Author extends AuditedEntity {

    @Column(nullable = false, length = 96)
    String slug;

    @Column(nullable = false, length = 200)
    String name;

    @Column(length = 4000)
    String bio;

    @Column(name = "avatar_url", length = 2048)
    String avatarUrl;

    @Column(length = 320)
    String email;

    /** The Keycloak user ({@code sub}) this profile belongs to, if any. */
    @Column(name = "keycloak_subject")
    String keycloakSubject;

    protected Author() {
    }

    Author(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String bio() {
        return bio;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public String email() {
        return email;
    }

    public String keycloakSubject() {
        return keycloakSubject;
    }
}
