namespace UsageLens.Questions;

/// <summary>
/// The explicit list of words that carry no meaning for the query (articles, question words, verbs
/// like "show"). Any other word must be understood or the question is refused.
/// </summary>
internal static class FillerWords
{
    private static readonly HashSet<string> s_words =
    [
        "a", "an", "the", "of", "for", "in", "on", "at", "to", "from", "with", "within", "during", "over", "into", "by", "per", "and", "or", "as", "so", "far",
        "show", "me", "us", "give", "get", "see", "tell", "list", "display", "plot", "chart", "graph", "compute", "calculate", "find", "pull", "fetch",
        "what", "what's", "whats", "which", "who", "whom", "how", "many", "much", "is", "was", "were", "are", "be", "been", "being", "do", "does", "did", "done",
        "have", "has", "had", "our", "my", "we", "i", "you", "your", "their", "they", "them", "it", "its", "there", "that", "these", "those", "this",
        "please", "can", "could", "would", "should", "will", "want", "need", "like", "know", "let", "lets", "let's", "look", "looking", "looks",
        "total", "totals", "overall", "all", "any", "number", "amount", "value", "values", "level", "levels", "trend", "trends", "breakdown", "split", "broken", "down", "grouped",
        "came", "come", "comes", "coming", "made", "make", "used", "use", "using", "generated", "happened", "were", "go", "went", "currently", "now", "right", "whole", "entire",
        "customers", "customer", "accounts", "account", "clients", "client", "companies", "company", "users", "user", "people", "period", "time", "rate", "current", "average", "avg", "mean",
        "same", "about", "some", "up", "out", "than", "just", "only", "also", "then", "again", "vs.", "stats", "numbers", "metric", "metrics", "kpi", "figure", "figures", "did", "happen",
    ];

    public static IEnumerable<string> All => s_words;

    public static bool Contains(string word) => s_words.Contains(word);
}
