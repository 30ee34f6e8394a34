using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClusterAtlas.Pages;

/// <summary>
/// Reads posted form values in the invariant culture. Browsers send number and date inputs as "0.5" and
/// "2024-03-01" whatever the page's language; read in Serbian, "0.5" would become 5.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
            context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
        }
    }
}
