package io.kopij.shared.graphql;

import io.kopij.shared.web.Failures;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;

/**
 * The GraphQL twin of the REST problem mappers: {@link Failures} decides what a failure means, so the same failure
 * gets the same code on both APIs. It runs outside the security and transaction interceptors of the services it
 * calls, so it sees their exceptions too. Anything unrecognised is left to SmallRye, which hides its details.
 */
@TranslateErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class TranslateErrorsInterceptor {

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (KopijGraphQLException e) {
            throw e;
        } catch (Exception e) {
            throw Failures.classify(e, null)
                    .<Exception>map(p -> new KopijGraphQLException(p.status(), p.code(), p.detail(),
                            p.errors() == null ? List.of() : p.errors()))
                    .orElse(e);
        }
    }
}
