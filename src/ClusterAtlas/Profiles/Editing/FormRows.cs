namespace ClusterAtlas.Profiles.Editing;

public static class FormRows
{
    /// <summary>The row with its text trimmed (rows are records, so this is a copy).</summary>
    public static T Trimmed<T>(this T row) where T : IFormRow
    {
        var copy = (IFormRow)row.GetType().GetMethod("<Clone>$")!.Invoke(row, null)!;
        foreach (var property in copy.GetType().GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite))
        {
            property.SetValue(copy, ProfileForm.Clean((string?)property.GetValue(copy)));
        }
        return (T)copy;
    }
}
