using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Hromada.Admin;

/// <summary>
/// Makes the OpenAPI document say what the endpoints really take and answer, so Swagger UI's "Try it out" works for
/// every operation: the media types of the files (CSV, XLSX, DOCX, PNG, the Atom feed), problems as
/// <c>application/problem+json</c>, the Google Forms import's <c>text/csv</c> body, the web chat's JSON body and
/// headers, query parameters in camelCase as the README writes them (<c>sphere=</c>, <c>q=</c>), and enums without a
/// <c>null</c> among their values, and descriptions without the C# the XML comments' references turn into
/// ("IReadOnlyList&amp;lt;string&amp;gt;? Result.Skipped" becomes "skipped", the JSON name). Host/OpenApiDocumentTests calls
/// every operation and compares.
/// </summary>
internal static partial class OpenApiMatchesEndpoints
{
    private const string Problem = "application/problem+json";

    /// <summary>Media types of the operations that answer a file, by how their path ends.</summary>
    private static readonly (string Suffix, string MediaType)[] Files =
    [
        (".csv", "text/csv"),
        (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (".png", "image/png"),
        ("/feed.xml", "application/atom+xml"),
    ];

    public static void Apply(OpenApiDocument document)
    {
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                CamelCaseQuery(operation);
                ProblemsAsProblemJson(operation);
                if (Files.FirstOrDefault(f => path.EndsWith(f.Suffix, StringComparison.Ordinal)) is { MediaType: { } file })
                {
                    Answers(operation, "200", file, "The file.");
                }
                if (path == "/api/admin/exports/proposals.json")
                {
                    Answers(operation, "200", "application/json", "The proposals, as the list answers them, without paging.");
                }
                if (path.StartsWith("/api/webchat/", StringComparison.Ordinal))
                {
                    WebChat(document, path, operation);
                }
                if (path == "/api/admin/imports/google-forms" && method == HttpMethod.Post)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "The CSV file Google Forms exports (Responses → Download responses), as it is.",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    };
                    Fails(document, operation, "400", "Not a Google Forms export this import can read, or no such consultation.");
                    Fails(document, operation, "413", "The file is over 20 MB or has more rows than Hromada:Admin:GoogleForms:MaxRows.");
                }
            }
        }
        foreach (var operation in document.Paths.Values.SelectMany(i => (IEnumerable<OpenApiOperation>?)i.Operations?.Values ?? []))
        {
            operation.Summary = Plain(operation.Summary);
            operation.Description = Plain(operation.Description);
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                parameter.Description = Plain(parameter.Description);
            }
        }
        foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>())
        {
            schema.Description = Plain(schema.Description);
            foreach (var property in (schema.Properties?.Values ?? []).OfType<OpenApiSchema>())
            {
                property.Description = Plain(property.Description);
            }
        }
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            // A nullable enum lists null among its values; Swagger UI then offers "null" as a choice.
            if (schema is OpenApiSchema { Enum: { } values } concrete && values.Any(v => v is null))
            {
                concrete.Enum = values.Where(v => v is not null).ToList();
            }
        }
    }

    /// <summary>"int? DecisionInput.Meeting" (how a &lt;see cref&gt; to a property comes out) → "meeting".</summary>
    private static string? Plain(string? text) =>
        text is null ? null : CSharpReference().Replace(text, m => char.ToLowerInvariant(m.Groups["member"].Value[0]) + m.Groups["member"].Value[1..]);

    [GeneratedRegex(@"(?:\b(?:[A-Z]\w*|int|bool|string|long|decimal|double)(?:&lt;[\w?, ]*&gt;|<[\w?, ]*>)?\??\s)?\b[A-Z]\w*\.(?<member>[A-Z]\w*)\b")]
    private static partial Regex CSharpReference();

    /// <summary>[AsParameters] properties appear PascalCase ("Sphere"); the binding takes any case, the README camelCase.</summary>
    private static void CamelCaseQuery(OpenApiOperation operation)
    {
        var parameters = operation.Parameters ?? [];
        for (var i = parameters.Count - 1; i >= 0; i--)
        {
            if (parameters[i] is not OpenApiParameter { In: ParameterLocation.Query, Name: { Length: > 0 } name } parameter)
            {
                continue;
            }
            if (name.Equals("reviewBodyId", StringComparison.OrdinalIgnoreCase))
            {
                // The admin pages' internal id; API callers filter by the review body's code (reviewBody).
                parameters.RemoveAt(i);
                continue;
            }
            parameter.Name = char.ToLowerInvariant(name[0]) + name[1..];
        }
    }

    /// <summary>Every error answer is a ProblemDetails sent as application/problem+json, whatever the metadata said.</summary>
    private static void ProblemsAsProblemJson(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.Length == 3 && status[0] is '4' or '5' && response is OpenApiResponse { Content: { } content }
                && content.Remove("application/json", out var json))
            {
                content[Problem] = json;
            }
        }
    }

    private static void WebChat(OpenApiDocument document, string path, OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        if (path == "/api/webchat/sessions")
        {
            operation.Parameters.Add(Header("X-Chat-Client", "Any value: the widget sends it, a cross-site form cannot (e.g. 'web')."));
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "An empty JSON object.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object }, Example = new JsonObject() },
                },
            };
        }
        else
        {
            operation.Parameters.Add(Header("X-Chat-Session", "The token POST /api/webchat/sessions returned."));
        }
        Fails(document, operation, "400", "No session, a malformed body or cursor, or (starting) not the widget.");
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static void Answers(OpenApiOperation operation, string status, string mediaType, string description)
    {
        operation.Responses ??= [];
        var schema = mediaType == "application/json"
            ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } }
            : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        var response = operation.Responses.TryGetValue(status, out var existing) && existing is OpenApiResponse r ? r : new OpenApiResponse();
        response.Description ??= description;
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!response.Content.ContainsKey(mediaType))
        {
            response.Content.Clear();
            response.Content[mediaType] = new OpenApiMediaType { Schema = schema };
        }
        operation.Responses[status] = response;
    }

    private static void Fails(OpenApiDocument document, OpenApiOperation operation, string status, string description)
    {
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey(status))
        {
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [Problem] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) } },
        };
    }
}
