package io.kopij.tag;

import io.kopij.shared.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "tag")
public class Tag extends AuditedEntity {

    @Column(nullable = false, length = 96)
    String slug;

    @Column(nullable = false, length = 100)
    String name;

    @Column(length = 2000)
    String description;

    protected Tag() {
    }

    Tag(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }
}
