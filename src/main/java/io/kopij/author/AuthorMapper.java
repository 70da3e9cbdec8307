package io.kopij.author;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuthorMapper {

    public AuthorView toView(Author author, boolean showEmail) {
        return new AuthorView(author.id(), author.slug(), author.name(), author.bio(), author.avatarUrl(),
                showEmail ? author.email() : null, author.version(), author.createdAt(), author.updatedAt());
    }

    public AuthorInput toInput(Author author) {
        return new AuthorInput(author.slug(), author.name(), author.bio(), author.avatarUrl(), author.email());
    }
}
