/**
 * The HTML shell of every page: Docusaurus's own template with one change.
 *
 * Docusaurus loads its scripts with `defer`, so the browser runs them as soon as the HTML is
 * parsed, often before it has painted anything: on a slow phone the reader stares at a blank
 * screen while React starts. Here the scripts are preloaded at once (no later download), but run
 * only after the first paint, in their original order. The page is readable (it is static HTML)
 * while React takes over.
 */
export const ssrTemplate = `<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
    <% it.scripts.forEach((script) => { %>
      <link rel="preload" as="script" fetchpriority="low" href="<%= it.baseUrl %><%= script %>" />
    <% }); %>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <%~ it.postBodyTags %>
    <script>
      (function (scripts) {
        function start() {
          scripts.forEach(function (src) {
            var script = document.createElement('script');
            script.src = src;
            script.async = false; // run in order: the runtime first, then the app
            document.body.appendChild(script);
          });
        }
        // requestAnimationFrame runs just before the next paint; the timeout, just after it.
        requestAnimationFrame(function () { setTimeout(start, 0); });
      })([<% it.scripts.forEach((script, i) => { %><%~ i ? ',' : '' %>"<%= it.baseUrl %><%= script %>"<% }); %>]);
    </script>
  </body>
</html>
`;
