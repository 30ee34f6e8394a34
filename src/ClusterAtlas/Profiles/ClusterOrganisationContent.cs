namespace ClusterAtlas.Profiles;

public static class ClusterOrganisationContent
{
    /// <summary>
    /// Replaces the content of a stored profile with that of another (from an import or an edit): every field of the
    /// <see cref="Schema.ProfileSchema"/>, keeping its identity and workflow. Child rows are replaced; vocabulary terms are
    /// handled by the caller, and so is the logo (an import knows none, and must not take the uploaded one away).
    /// </summary>
    public static void ReplaceContentWith(this ClusterOrganisation target, ClusterOrganisation source)
    {
        foreach (var field in Schema.ProfileSchema.Fields.Where(f => f.EntityProperty is not null && f.Kind != Schema.FieldKind.Logo))
        {
            var value = field.EntityValue(source);
            if (value is System.Collections.IList sourceList)
            {
                // Lists are copied (a list of strings) or their rows moved (a group), never shared between two profiles.
                var targetList = (System.Collections.IList)field.EntityValue(target)!;
                targetList.Clear();
                foreach (var item in sourceList)
                {
                    targetList.Add(item);
                }
            }
            else
            {
                field.SetEntityValue(target, value);
            }
        }
    }
}
