package io.kopij.shared.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.schema.GraphQLSchema;
import io.kopij.shared.config.KopijConfig;
import io.kopij.shared.web.Failures;
import io.kopij.shared.web.Problem;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Kopij's own GraphQL-over-HTTP endpoint in front of SmallRye's execution engine: it reads and checks the request
 * (shape, media types, size, text), parses the document and measures it against the limits before graphql-java
 * validates anything, then runs it through SmallRye's {@link ExecutionService} exactly as SmallRye's handler would
 * (request context, security identity) and answers with stable error codes and the statuses the GraphQL-over-HTTP
 * specification asks for: with {@code Accept: application/graphql-response+json}, a request that cannot run is a
 * 4xx; with {@code application/json}, it is a 200 with errors. Queries over GET are cached like REST
 * ({@link GraphQLCaching}); persisted queries and trusted documents are resolved first ({@link PersistedQueries}).
 * WebSocket subscriptions keep SmallRye's own route.
 */
@ApplicationScoped
public class GraphQLEndpoint {

    static final String PATH = "/graphql";
    private static final Logger LOG = Logger.getLogger(GraphQLEndpoint.class);
    private static final String PERSONAL = "kopij.graphql.personal";
    private static final String MUTATION = "kopij.graphql.mutation";
    /**
     * A plain writer for answers and request keys: nulls stay, nothing of the REST mapper's configuration applies to
     * GraphQL data.
     */
    static final ObjectWriter PLAIN_JSON = new ObjectMapper().writer();
    /**
     * Looked up once: {@code Json.createObjectBuilder()} asks the ServiceLoader for a provider on every call, which
     * scans the class path (a few percent of a GraphQL request's CPU).
     */
    private static final JsonProvider JSON_P = JsonProvider.provider();
    private final GraphQLLimits limits;
    private final KopijConfig config;
    private final ParsedQueries parsed;
    private final CurrentIdentityAssociation identity;
    private final CurrentVertxRequest currentRequest;
    private final ObjectMapper json;
    private final GraphQLCaching caching;
    private final PersistedDocuments documents;

    GraphQLEndpoint(GraphQLLimits limits, KopijConfig config, CurrentIdentityAssociation identity,
            CurrentVertxRequest currentRequest, ObjectMapper json, GraphQLCaching caching,
            Instance<PersistedDocuments> documents) {
        this.limits = limits;
        this.config = config;
        this.parsed = new ParsedQueries(config.graphql());
        this.identity = identity;
        this.currentRequest = currentRequest;
        this.json = json;
        this.caching = caching;
        this.documents = documents.isResolvable() ? documents.get() : null;
    }

    void route(@Observes Router router) {
        // Before SmallRye's HTTP route, after its WebSocket route (-99), which never passes upgrades on, and after
        // every filter of priority 45 or more (Quarkus routes a filter at order -priority): the content watermark's
        // (PublicAnswers, 50) answers repeated anonymous GETs before anything here runs.
        router.route(PATH).order(-45)
                .handler(BodyHandler.create().setBodyLimit(config.maxRequestBody()).setHandleFileUploads(false))
                .handler(this::handle)
                .failureHandler(this::failed);
    }

    private void handle(RoutingContext context) {
        GraphQLHttpRequest request;
        try {
            request = GraphQLHttpRequest.read(context, context.body() == null ? null : context.body().asString());
        } catch (GraphQLHttpRequest.Refused refused) {
            answerRefused(context, refused, false);
            return;
        }
        if (!PersistedQueries.involved(request, documents)) {
            run(context, request);
            return;
        }
        GraphQLHttpRequest sent = request;
        context.vertx().executeBlocking(() -> PersistedQueries.resolve(sent, documents), false).onComplete(resolved -> {
            if (resolved.succeeded()) {
                run(context, resolved.result());
            } else if (resolved.cause() instanceof PersistedQueries.NotFound) {
                answerNotFound(context, sent);
            } else if (resolved.cause() instanceof GraphQLHttpRequest.Refused refused) {
                answerRefused(context, refused, sent.graphqlResponseMediaType());
            } else {
                context.fail(resolved.cause());
            }
        });
    }

    private void run(RoutingContext context, GraphQLHttpRequest request) {
        Document document;
        OperationDefinition operation;
        try {
            if (request.query() == null) {
                throw new GraphQLHttpRequest.Refused(400, "graphql.request", "The request has no query");
            }
            limits.checkLength(request.query());
            document = parsed.parse(request.query());
            operation = QueryLimitsInstrumentation.operation(document, request.operationName());
            if (operation != null && request.method().equals("GET")
                    && operation.getOperation() != OperationDefinition.Operation.QUERY) {
                throw new GraphQLHttpRequest.Refused(405, "graphql.method-not-allowed",
                        "Only queries run over GET; send mutations with POST");
            }
            if (operation != null && operation.getOperation() == OperationDefinition.Operation.MUTATION) {
                context.put(MUTATION, true);
            }
            if (operation != null && operation.getOperation() == OperationDefinition.Operation.QUERY) {
                byte[] recalled = caching.recallPosted(context, request);
                if (recalled != null) {
                    context.response().setStatusCode(200)
                            .putHeader("Content-Type", contentType(request.graphqlResponseMediaType()))
                            .end(Buffer.buffer(recalled));
                    return;
                }
            }
            if (operation != null) {
                limits.check(schema(), document, operation, request.variables());
            }
        } catch (GraphQLHttpRequest.Refused refused) {
            answerRefused(context, refused, request.graphqlResponseMediaType());
            return;
        } catch (QueryLimitExceededException exceeded) {
            answerErrors(context, request, List.of(exceeded));
            return;
        } catch (InvalidSyntaxException syntax) {
            answerErrors(context, request, List.of(syntax.toInvalidSyntaxError()));
            return;
        }
        authenticateThenExecute(context, request);
    }

    /** A request with credentials runs only once they are valid; an invalid token is a 401, not anonymous. */
    private void authenticateThenExecute(RoutingContext context, GraphQLHttpRequest request) {
        Uni<SecurityIdentity> caller = QuarkusHttpUser.getSecurityIdentity(context, null);
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) == null && request.method().equals("GET")) {
            // Whether the answer may be shared depends on who asks: know it before running.
            caller.subscribe().with(resolved -> {
                context.put(PERSONAL, !resolved.isAnonymous());
                execute(context, request, Uni.createFrom().item(resolved));
            }, context::fail);
            return;
        }
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            execute(context, request, caller);
            return;
        }
        caller.subscribe().with(resolved -> {
            if (resolved.isAnonymous()) {
                answerProblem(context, Problem.of(401, "auth.unauthorized", "Unauthorized",
                        "Sign in: send a valid bearer token", PATH, List.of()));
            } else {
                execute(context, request, Uni.createFrom().item(resolved));
            }
        }, failure -> answerProblem(context, Failures.classify(failure, PATH).orElse(Problem.of(401,
                "auth.unauthorized", "Unauthorized", "Sign in: send a valid bearer token", PATH, List.of()))));
    }

    /** As SmallRye's own handler does: request context, identity and current request around the execution. */
    private void execute(RoutingContext context, GraphQLHttpRequest request, Uni<SecurityIdentity> caller) {
        ManagedContext requestContext = Arc.container().requestContext();
        Runnable terminate = () -> {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.terminate();
        };
        context.response().endHandler(done -> terminate.run()).closeHandler(closed -> terminate.run());
        if (!requestContext.isActive()) {
            requestContext.activate();
        }
        try {
            QuarkusHttpUser user = (QuarkusHttpUser) context.user();
            if (user != null) {
                identity.setIdentity(user.getSecurityIdentity());
            } else {
                identity.setIdentity(caller);
            }
            currentRequest.setCurrent(context);
            Map<String, Object> metadata = new ConcurrentHashMap<>();
            metadata.put("runBlocking", false);
            metadata.put("httpHeaders", headers(context));
            metadata.put("state", requestContext.getState());
            if (request.method().equals("GET") && context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                metadata.put(CacheKeysInstrumentation.COLLECT, true); // a shareable answer carries cache tags
            }
            executionService().executeAsync(input(request), metadata, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    try {
                        answerResult(context, request, response);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Could not write the GraphQL answer");
                        context.fail(e);
                    }
                }

                @Override
                public void fail(Throwable failure) {
                    context.fail(failure);
                }
            });
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.deactivate();
        } catch (RuntimeException e) {
            terminate.run();
            throw e;
        }
    }

    private void answerResult(RoutingContext context, GraphQLHttpRequest request, ExecutionResponse response) {
        var result = response.getExecutionResult();
        List<GraphQLError> errors = result.getErrors();
        // graphql-java has already coerced every value to its scalar's output (String, Number, Boolean, lists and
        // maps), so the answer is written straight to bytes, in the specification's order.
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            answer.put("errors", errors.stream().map(GraphQLErrorCodes::toSpecification).toList());
        }
        if (result.isDataPresent()) {
            answer.put("data", result.getData());
        }
        boolean requestError = GraphQLErrorCodes.isRequestError(errors, result.isDataPresent());
        if (Boolean.TRUE.equals(context.get(MUTATION)) && result.isDataPresent()) {
            caching.written(); // even with some errors, some fields may have written
        }
        int status = requestError && request.graphqlResponseMediaType() ? 400 : 200;
        byte[] bytes = writeBytes(answer);
        boolean personal = context.request().getHeader(HttpHeaders.AUTHORIZATION) != null
                || Boolean.TRUE.equals(context.get(PERSONAL)) || GraphQLCaching.personalQuery(request, context);
        Object keys = result.getExtensions() == null ? null : result.getExtensions().get(CacheKeysInstrumentation.EXTENSION);
        if (caching.answer(context, request, personal || Boolean.TRUE.equals(context.get(MUTATION)),
                status != 200 || !errors.isEmpty(),
                keys instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(), bytes,
                contentType(request.graphqlResponseMediaType()))) {
            return;
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", contentType(request.graphqlResponseMediaType())).end(Buffer.buffer(bytes));
    }

    /** Apollo Client expects this exact answer (HTTP 200) before it sends the query with its hash. */
    private void answerNotFound(RoutingContext context, GraphQLHttpRequest request) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "PersistedQueryNotFound");
        error.put("extensions", Map.of("code", PersistedQueries.NOT_FOUND));
        context.response().putHeader("Cache-Control", "no-store");
        send(context, request.graphqlResponseMediaType(), 200, write(Map.of("errors", List.of(error))));
    }

    private void answerErrors(RoutingContext context, GraphQLHttpRequest request, List<GraphQLError> errors) {
        List<Map<String, Object>> mapped = errors.stream().map(GraphQLErrorCodes::toSpecification).toList();
        int status = request.graphqlResponseMediaType() ? 400 : 200;
        send(context, request.graphqlResponseMediaType(), status, write(Map.of("errors", mapped)));
    }

    /**
     * Refusals of the HTTP request itself. 405/406/413/415 are HTTP matters: problem+json. A malformed GraphQL
     * request is answered as a GraphQL response with a 400, whatever the media type (GraphQL-over-HTTP).
     */
    private void answerRefused(RoutingContext context, GraphQLHttpRequest.Refused refused, boolean graphqlResponse) {
        if (refused.status() != 400) {
            Problem problem = Problem.of(refused.status(), refused.code(), title(refused.status()),
                    refused.getMessage(), PATH, List.of());
            if (refused.status() == 405) {
                context.response().putHeader("Allow", "GET, POST");
            }
            answerProblem(context, problem);
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", refused.getMessage());
        error.put("extensions", Map.of("code", refused.code(), "status", 400));
        send(context, graphqlResponse, 400, write(Map.of("errors", List.of(error))));
    }

    private void failed(RoutingContext context) {
        if (context.statusCode() == 413) {
            answerProblem(context, Problem.of(413, "request.too-large", "Content too large",
                    "The request body is larger than " + config.maxRequestBody() + " bytes", PATH, List.of()));
        } else {
            context.next();
        }
    }

    private void answerProblem(RoutingContext context, Problem problem) {
        Failures.retryAfter(problem).ifPresent(seconds -> context.response().putHeader("Retry-After", seconds));
        if (problem.status() == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store").end(write(problem));
    }

    private void send(RoutingContext context, boolean graphqlResponse, int status, String body) {
        context.response().setStatusCode(status).putHeader("Content-Type", contentType(graphqlResponse)).end(body);
    }

    private static String contentType(boolean graphqlResponse) {
        return (graphqlResponse ? GraphQLHttpRequest.GRAPHQL_RESPONSE : "application/json") + ";charset=UTF-8";
    }

    private static byte[] writeBytes(Object value) {
        try {
            return PLAIN_JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject input(GraphQLHttpRequest request) {
        JsonObjectBuilder input = JSON_P.createObjectBuilder().add("query", request.query());
        if (request.operationName() != null) {
            input.add("operationName", request.operationName());
        }
        if (!request.variables().isEmpty()) {
            input.add("variables", JSON_P.createObjectBuilder(request.variables()));
        }
        return input.build();
    }

    private static Map<String, List<String>> headers(RoutingContext context) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        context.request().headers().forEach(entry -> headers.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                .add(entry.getValue()));
        return headers;
    }

    private static String title(int status) {
        return switch (status) {
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            default -> "Invalid request";
        };
    }

    private static ExecutionService executionService() {
        return Arc.container().instance(ExecutionService.class).get();
    }

    private static GraphQLSchema schema() {
        return Arc.container().instance(GraphQLSchema.class).get();
    }
}
