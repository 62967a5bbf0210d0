using System.Reflection;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Hromada.Admin.Web;

/// <summary>
/// The pages' side of <see cref="InputBounds"/>: a date out of range in a filter or a form (a handler's arguments, the
/// page's bound forms) is answered with a page that says which field and why, never a 500.
/// </summary>
internal sealed class InputBoundsPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var errors = new FieldErrors();
        foreach (var (name, value) in context.HandlerArguments)
        {
            InputBounds.Check(value, value is DateOnly or DateTime or DateTimeOffset ? name : "", errors);
        }
        var bindsAll = context.HandlerInstance.GetType().IsDefined(typeof(BindPropertiesAttribute), inherit: true);
        foreach (var property in context.HandlerInstance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if ((bindsAll || property.IsDefined(typeof(BindPropertyAttribute))) && property.GetIndexParameters().Length == 0
                && InputBounds.IsInput(property.PropertyType))
            {
                InputBounds.Check(property.GetValue(context.HandlerInstance), property.Name, errors);
            }
        }
        if (errors.Any)
        {
            context.Result = StatusPage.Create(StatusCodes.Status400BadRequest, "Дату не прийнято",
                string.Join(" ", errors.All.Select(e => $"{e.Field}: {e.Ukrainian}")) + " Поверніться назад і виправте.");
            return;
        }
        await next();
    }
}
