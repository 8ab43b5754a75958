package dev.flightdeck.core.mission.config;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import liqp.Template;
import liqp.TemplateParser;
import liqp.parser.Flavor;

/**
 * Renders a mission's prompt template with Liqp, strictly: Shopify Liquid semantics
 * ({@link Flavor#LIQUID}), an unknown variable, filter or tag is an error rather than an empty
 * string, {@code include} reads nothing (the resolver refuses every name; {@code render} and
 * {@code include_relative} are not tags in this flavor), and template size, rendered size, loop
 * iterations and render time are bounded. Thread-safe; one instance serves every mission.
 */
public final class PromptRenderer {
    public static final int MAX_TEMPLATE_CHARS = 64 * 1024;
    public static final int MAX_RENDERED_CHARS = 512 * 1024;
    public static final int MAX_ITERATIONS = 10_000;
    public static final long MAX_RENDER_MILLIS = 2_000;

    /**
     * The render-time guard runs each render on one of these threads and stops waiting for it at
     * the deadline. Daemon threads, so an abandoned render never holds the JVM open (it is bounded
     * by the iteration and size limits, so it ends soon anyway); renders are one per dispatch, so
     * the pool stays small.
     */
    private static final ExecutorService RENDER_THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flightdeck-prompt-render");
        t.setDaemon(true);
        return t;
    });

    private final TemplateParser parser;
    private final ExecutorService renderThreads;
    private final int maxTemplateChars;
    private final long maxRenderMillis;

    /** A renderer with the default limits, rendering on its own daemon threads. */
    public PromptRenderer() {
        this(RENDER_THREADS);
    }

    /**
     * A renderer with the default limits that renders on the given threads (in the container, a
     * {@code ManagedExecutorService}).
     */
    public PromptRenderer(ExecutorService renderThreads) {
        this(renderThreads, MAX_TEMPLATE_CHARS, MAX_RENDERED_CHARS, MAX_ITERATIONS, MAX_RENDER_MILLIS);
    }

    /** A renderer with other limits (tests use small ones). */
    PromptRenderer(int maxTemplateChars, int maxRenderedChars, int maxIterations, long maxRenderMillis) {
        this(RENDER_THREADS, maxTemplateChars, maxRenderedChars, maxIterations, maxRenderMillis);
    }

    private PromptRenderer(ExecutorService renderThreads, int maxTemplateChars, int maxRenderedChars,
            int maxIterations, long maxRenderMillis) {
        this.renderThreads = renderThreads;
        this.maxTemplateChars = maxTemplateChars;
        this.maxRenderMillis = maxRenderMillis;
        this.parser = new TemplateParser.Builder()
                .withFlavor(Flavor.LIQUID)
                .withStrictVariables(true)
                .withErrorMode(TemplateParser.ErrorMode.STRICT)
                .withEvaluateInOutputTag(false)
                .withNameResolver(name -> {
                    throw new java.io.IOException("templates may not include other files (" + name + ")");
                })
                .withMaxIterations(maxIterations)
                .withMaxSizeRenderedString(maxRenderedChars)
                .withMaxTemplateSizeBytes(4L * maxTemplateChars)
                .build();
    }

    /**
     * The prompt for one run.
     *
     * @throws PromptRenderException with a message naming the problem
     */
    public String render(String template, PromptContext context) {
        Template parsed = parse(template);
        Future<Object> result = renderThreads.submit(() -> parsed.renderToObjectUnguarded(context.variables()));
        try {
            return String.valueOf(result.get(maxRenderMillis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new PromptRenderException("prompt template took longer than " + maxRenderMillis + " ms to render");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new PromptRenderException("prompt rendering was interrupted");
        } catch (ExecutionException e) {
            throw new PromptRenderException("prompt template cannot be rendered: " + describe(e.getCause()));
        }
    }

    /**
     * Checks a template before it is saved: it must parse and render against a
     * {@linkplain PromptContext#sample() sample issue}, so a misspelt variable is found now rather
     * than at the next dispatch.
     *
     * @throws PromptRenderException as {@link #render(String, PromptContext)}
     */
    public void validate(String template) {
        render(template, PromptContext.sample());
    }

    private Template parse(String template) {
        if (template == null) {
            throw new PromptRenderException("prompt template is missing");
        }
        if (template.length() > maxTemplateChars) {
            throw new PromptRenderException("prompt template is longer than " + maxTemplateChars + " characters");
        }
        try {
            return parser.parse(template);
        } catch (RuntimeException e) {
            throw new PromptRenderException("prompt template is not valid Liquid: " + describe(e));
        }
    }

    /** Liqp wraps causes ("problem with evaluating include"); the innermost message is the useful one. */
    private static String describe(Throwable t) {
        StringBuilder message = new StringBuilder();
        Throwable at = t;
        for (int depth = 0; at != null && depth < 5; depth++, at = at.getCause()) {
            String m = at.getMessage();
            if (m != null && !m.isBlank() && message.indexOf(m) < 0) {
                if (message.length() > 0) {
                    message.append(": ");
                }
                message.append(m.strip());
            }
        }
        return message.length() == 0 ? t.getClass().getSimpleName() : message.toString();
    }
}
