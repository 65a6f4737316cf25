package io.complaintflow.notifications.template;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import io.complaintflow.notifications.Template;

/**
 * Renders a {@link Template} in a language with Thymeleaf. The texts are under
 * {@code notifications/templates/<language>/}: {@code <name>.txt} (text mode) has three parts, chosen by the variable
 * {@code part}: {@code subject}, {@code short} (SMS and chat) and {@code text} (plain mail body); {@code <name>.html}
 * is the HTML mail body, framed by the shared {@code layout.html}. Short labels shared by all templates (statuses,
 * remedy types, levels, the mail footer) are in {@code notifications/messages*.properties}.
 *
 * <p>The engine is this module's own (Thymeleaf core, standard dialect), not a web view resolver: the application
 * serves no HTML pages.
 */
@Component
public class TemplateRenderer {

  private static final String ROOT = "notifications/templates/";

  /**
   * Available to every template as {@code clause}: {@code [(${clause.of(detail)})]。} puts free text written by staff
   * into a sentence without doubling its final punctuation.
   */
  public static final class Clause {
    public String of(Object text) {
      return text == null ? null : text.toString().strip().replaceAll("[。.!!??;;,,、]+$", "");
    }
  }

  private static final Clause CLAUSE = new Clause();

  private final TemplateEngine engine;
  private final ResourceBundleMessageSource texts;

  public TemplateRenderer() {
    texts = new ResourceBundleMessageSource();
    texts.setBasename("notifications/messages");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
    texts.setUseCodeAsDefaultMessage(false);

    engine = new TemplateEngine();
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    engine.setMessageResolver(new Labels(texts));
  }

  /** {@code #{key}} in templates: the shared labels, in the template's locale. */
  private record Labels(ResourceBundleMessageSource texts) implements IMessageResolver {

    @Override
    public String getName() {
      return "notification-labels";
    }

    @Override
    public Integer getOrder() {
      return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
      return texts.getMessage(key, args, null, context.getLocale());
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
        Object[] args) {
      return "??" + key + "_" + context.getLocale() + "??";
    }
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(TemplateRenderer.class.getClassLoader());
    r.setPrefix(ROOT);
    r.setTemplateMode(mode);
    r.setResolvablePatterns(java.util.Set.of(pattern));
    r.setCharacterEncoding("UTF-8");
    r.setCheckExistence(true);
    r.setCacheable(true);
    r.setOrder(order);
    return r;
  }

  /**
   * Renders subject, short text, plain text and (if {@code withHtml}) the HTML body.
   *
   * @param model the template's variables (see {@link Template}); times already formatted
   */
  public RenderedMessage render(Template template, String language, Map<String, Object> model, boolean withHtml) {
    String lang = Languages.normalize(language);
    Locale locale = Languages.locale(lang);
    String textTemplate = lang + "/" + template.fileName() + ".txt";
    String subject = oneLine(part(textTemplate, "subject", locale, model));
    String shortText = oneLine(part(textTemplate, "short", locale, model));
    String text = paragraphs(part(textTemplate, "text", locale, model));
    String html = null;
    if (withHtml) {
      Map<String, Object> vars = new HashMap<>(model);
      vars.put("subject", subject);
      vars.put("lang", lang);
      vars.put("clause", CLAUSE);
      html = engine.process(lang + "/" + template.fileName() + ".html", new Context(locale, vars));
    }
    return new RenderedMessage(subject, text, shortText, html);
  }

  /** A shared label ({@code status.IN_PROGRESS}, {@code remedy.REFUND}, {@code level.managers}…), or null. */
  public String label(String key, String language) {
    return texts.getMessage(key, null, null, Languages.locale(language));
  }

  private String part(String template, String part, Locale locale, Map<String, Object> model) {
    Map<String, Object> vars = new HashMap<>(model);
    vars.put("part", part);
    vars.put("clause", CLAUSE);
    return engine.process(template, new Context(locale, vars));
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** Trims each line's end, drops leading and trailing blank lines, keeps at most one blank line between paragraphs. */
  private static String paragraphs(String s) {
    return s.replaceAll("[ \\t]+\\R", "\n").replaceAll("(\\R){3,}", "\n\n").strip();
  }
}
