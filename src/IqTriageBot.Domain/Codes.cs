using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IqTriageBot.Domain;

/// <summary>
/// The stable codes of enum values as they appear in dialogs/ and in stored state: kebab-case of the member
/// name ("NotApplied" -> "not-applied"), or the name given by <see cref="JsonStringEnumMemberNameAttribute"/>.
/// </summary>
public static class Codes
{
    public static IReadOnlyCollection<string> All<T>()
        where T : struct, Enum => Cache<T>.FromCode.Keys;

    public static string Of<T>(T value)
        where T : struct, Enum => Cache<T>.ToCode[value];

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        if (code is not null && Cache<T>.FromCode.TryGetValue(code, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static T Parse<T>(string code)
        where T : struct, Enum =>
        TryParse<T>(code, out var value) ? value : throw new ArgumentException($"'{code}' is not a code of {typeof(T).Name}.", nameof(code));

    /// <summary>The codes of an enum given at run time (for the flow validator).</summary>
    public static IReadOnlyCollection<string> All(Type enumType) =>
        Enum.GetNames(enumType).Select(name => CodeOf(enumType, name)).ToArray();

    private static string CodeOf(Type enumType, string name)
    {
        var attribute = enumType.GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>();
        return attribute?.Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(name);
    }

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToCode =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => CodeOf(typeof(T), v.ToString()));

        public static readonly FrozenDictionary<string, T> FromCode =
            ToCode.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
