using System.Reflection;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Admin.Commands;

/// <summary>
/// Holds every admin API call's arguments — query parameters, [AsParameters] bundles, bodies — to <see cref="InputBounds"/>
/// before the handler runs: a bad value is a 400 ValidationProblem naming the field, never a 500 further on.
/// </summary>
internal static class InputBoundsFilter
{
    public const string Title = "A value is out of bounds";

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
        Func<Type, bool> isService = t => services?.IsService(t) == true;
        var inputs = factory.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => InputBounds.IsInput(x.Parameter.ParameterType) && !isService(x.Parameter.ParameterType)
                && !x.Parameter.IsDefined(typeof(FromServicesAttribute)))
            .Select(x => (x.Index, Field: InputBounds.IsNamedByItself(x.Parameter.ParameterType) ? NameOf(x.Parameter) : ""))
            .ToArray();
        if (inputs.Length == 0)
        {
            return next;
        }
        return async context =>
        {
            var errors = new FieldErrors();
            foreach (var (index, field) in inputs)
            {
                if (index < context.Arguments.Count)
                {
                    InputBounds.Check(context.Arguments[index], field, errors, isService);
                }
            }
            return errors.Any ? TypedResults.ValidationProblem(errors.ToApi(), title: ApiLanguage.Pick(Title, "Значення поза межами")) : await next(context);
        };
    }

    private static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name ?? parameter.Name ?? "";
}
