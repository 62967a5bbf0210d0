using System.Reflection;
using Hromada.Admin.Commands;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web;

/// <summary>
/// A page whose post handlers save only when <c>ModelState.IsValid</c> and otherwise show the form again with each
/// field's error: a text that breaks <see cref="InputBounds"/> is shown there, beside the field and above the page,
/// with what the user typed kept, instead of on an error page.
/// </summary>
public interface IShowsInputErrors;

/// <summary>
/// The pages' side of <see cref="InputBounds"/>: a date out of range in a filter or a form, or a text too long or holding
/// an invisible control character (a handler's arguments, the page's bound forms), never reaches the handler's work. A
/// text in a form of a page that shows its errors (<see cref="IShowsInputErrors"/>) is that form's field error; anything
/// else is answered with a page that says which field and why, never a 500.
/// </summary>
internal sealed class InputBoundsPageFilter : IAsyncPageFilter
{
    /// <summary>The ViewData entry the layout shows above the page: each refused field and why.</summary>
    public const string ProblemsKey = "InputProblems";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var arguments = new FieldErrors();
        foreach (var (name, value) in context.HandlerArguments)
        {
            InputBounds.Check(value, value is not null && InputBounds.IsNamedByItself(value.GetType()) ? name : "", arguments);
        }
        var forms = new FieldErrors();
        var page = context.HandlerInstance;
        var bindsAll = page.GetType().IsDefined(typeof(BindPropertiesAttribute), inherit: true);
        foreach (var property in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if ((bindsAll || property.IsDefined(typeof(BindPropertyAttribute))) && property.GetIndexParameters().Length == 0
                && InputBounds.IsInput(property.PropertyType))
            {
                InputBounds.Check(property.GetValue(page), property.Name, forms, maxLength: InputBounds.DeclaredMaxLength(property));
            }
        }
        var dates = arguments.All.Concat(forms.All).Any(e => e.English.Contains(InputBounds.DateProblem, StringComparison.Ordinal));
        if (!arguments.Any && forms.Any && !dates && page is IShowsInputErrors and PageModel model
            && HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            foreach (var e in forms.All)
            {
                model.ModelState.AddModelError(WebForms.FormName(e.Field), e.Ukrainian);
            }
            model.ViewData[ProblemsKey] = forms.All.Select(e => $"{WebForms.FormName(e.Field)}: {e.Ukrainian}").ToList();
        }
        else if (arguments.Any || forms.Any)
        {
            context.Result = StatusPage.Create(StatusCodes.Status400BadRequest, dates ? "Дату не прийнято" : "Значення не прийнято",
                string.Join(" ", arguments.All.Concat(forms.All).Select(e => $"{e.Field}: {e.Ukrainian}")) + " Поверніться назад і виправте.");
            return;
        }
        await next();
    }
}
