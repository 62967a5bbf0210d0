using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Hromada.Admin.Web;

/// <summary>What an error page says: its status, a heading and one sentence.</summary>
public sealed record StatusModel(int Code, string Title, string Text);

/// <summary>Error pages in the page's own look and language, instead of a bare status code.</summary>
internal static class StatusPage
{
    public static PartialViewResult Create(int code, string title, string text) => new()
    {
        ViewName = "_Status",
        StatusCode = code,
        ViewData = new ViewDataDictionary<StatusModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = new StatusModel(code, title, text),
            ["Title"] = title,
        },
    };

    public static PartialViewResult NotFound(string text) => Create(StatusCodes.Status404NotFound, "Не знайдено", text);

    /// <summary>A page's "not found", said the same way for what does not exist and what the role may not see.</summary>
    public static IActionResult NotFoundPage(this PageModel page, string text) => NotFound(text);
}

/// <summary>
/// Turns the answers a page does not write itself into readable pages: a form sent without its antiforgery token (a
/// forged or very old form) is 400 with an explanation; a bare 404 gets the not-found page.
/// </summary>
internal sealed class StatusPageFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.ActionDescriptor is not Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor)
        {
            return;
        }
        context.Result = context.Result switch
        {
            IAntiforgeryValidationFailedResult => StatusPage.Create(StatusCodes.Status400BadRequest, "Форму не прийнято",
                "Форма прийшла без відмітки цієї сторінки: її надіслано з іншого сайту або сторінка застаріла. Відкрийте сторінку знову і повторіть дію."),
            NotFoundResult => StatusPage.NotFound("Такої сторінки немає."),
            _ => context.Result,
        };
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
