namespace MailMerge.Letters;

/// <summary>One recipient's values, looked up by field name without regard to letter case.</summary>
internal sealed class MergeValues
{
    private readonly Dictionary<string, string?> _values;

    public MergeValues(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string?>(values.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in values)
        {
            // With two keys differing only in case, the first non-null one wins.
            if (!_values.TryGetValue(name, out var existing) || existing is null)
            {
                _values[name] = value;
            }
        }
    }

    /// <summary>The value; false when the field has no entry or a null one (a missing value).</summary>
    public bool TryGet(string name, out string value)
    {
        if (_values.TryGetValue(name.Trim(), out var found) && found is not null)
        {
            value = found;
            return true;
        }

        value = string.Empty;
        return false;
    }
}
