package io.kopij.shared.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Lists ordered by name, then id (authors, tags): a keyset after a cursor, or a numbered page. The entity must
 * have {@code name} and {@code id} attributes.
 */
public final class NameOrderedPages {

    private static final String SORT = "name";

    private NameOrderedPages() {
    }

    /** One page of {@code type}, each row with the cursor that continues after it; {@code total} for all rows. */
    public static <E> CursorPage<E> page(EntityManager em, Class<E> type, Function<E, String> name,
            Function<E, UUID> id, PageRequest request, long total) {
        boolean keyset = request.cursor().isPresent();
        TypedQuery<E> query = em.createQuery("select e from " + type.getSimpleName() + " e"
                + (keyset ? " where (e.name > :name or (e.name = :name and e.id > :id))" : "")
                + " order by e.name, e.id", type);
        if (keyset) {
            Cursor cursor = Cursor.decode(request.cursor().get(), SORT);
            query.setParameter("name", cursor.value() == null ? "" : cursor.value()).setParameter("id", cursor.id());
        }
        List<E> rows = new ArrayList<>(query.setFirstResult(keyset ? 0 : request.offset())
                .setMaxResults(request.limit() + 1).getResultList());
        boolean hasNext = rows.size() > request.limit();
        if (hasNext) {
            rows = rows.subList(0, request.limit());
        }
        return new CursorPage<>(rows.stream()
                .map(row -> new CursorPage.Edge<>(new Cursor(SORT, name.apply(row), id.apply(row)).encode(), row))
                .toList(), hasNext, total);
    }
}
