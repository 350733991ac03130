namespace MailMerge.Letters;

/// <summary>Field names that rendered empty for lack of a value, each once, in the order first met.</summary>
internal sealed class MissingFieldSet
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public void Add(string name)
    {
        if (_seen.Add(name))
        {
            _names.Add(name);
        }
    }

    public IReadOnlyList<string> ToList() => _names.ToArray();
}
