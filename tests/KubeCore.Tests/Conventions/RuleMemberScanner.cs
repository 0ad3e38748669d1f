// Compiled into the tests and into tools/KubeCore.Rulebook (like RulebookDocument.cs): it must not depend on xunit.
using System.Reflection;
using System.Text;
using KubeCore.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KubeCore.Tests.Conventions;

/// <summary>A member of src/KubeCore that names a rule through <c>RuleIds.Xxx00</c>.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="TypeName">The declaring type (nested types joined with a dot).</param>
/// <param name="Member">
/// The member whose code names the rule: a method, property, field, indexer (<c>this[]</c>), operator, or
/// <c>(constructor)</c>; empty when the rule is named at type level (an attribute or a base-type argument).
/// </param>
/// <param name="Path">The source file, relative to the repository root, with forward slashes.</param>
internal sealed record RuleEnforcer(RuleId Rule, string TypeName, string Member, string Path)
{
    /// <summary><c>Type.Member</c>, <c>Type (constructor)</c>, or the type alone.</summary>
    public string Qualified => Member switch
    {
        "" => TypeName,
        ['(', ..] => $"{TypeName} {Member}",
        _ => $"{TypeName}.{Member}",
    };
}

/// <summary>
/// Finds the code that enforces or computes each rule: every member in src/KubeCore whose code names the rule as
/// <c>RuleIds.Xxx00</c> — a check that raises a violation, a computation that names its rule (a <c>Rule</c>
/// property), an invariant asserted with its rule id. The C# is parsed with Roslyn, so comments, strings and XML
/// docs never count. RuleIds.cs, RuleCatalogue.cs and RuleSourceWords.cs define the rules rather than enforce them
/// and are left out. A rule reached only indirectly (through another member) is listed under the member that names it.
/// </summary>
internal static class EnforcerScanner
{
    private static readonly string[] Definitions =
        ["src/KubeCore/Rules/RuleIds.cs", "src/KubeCore/Rules/RuleCatalogue.cs", "src/KubeCore/Rules/RuleSourceWords.cs"];

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, DocumentationMode.None);

    /// <summary>Every (rule, type, member, file) found under <c>src/KubeCore</c> of <paramref name="root"/>, distinct and ordered.</summary>
    public static IReadOnlyList<RuleEnforcer> Scan(string root)
    {
        var ids = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RuleId))
            .ToDictionary(f => f.Name, f => (RuleId)f.GetValue(null)!, StringComparer.Ordinal);
        var found = new HashSet<RuleEnforcer>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "KubeCore"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (Definitions.Contains(relative, StringComparer.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var (field, typeName, member) in Usages(File.ReadAllText(file)))
            {
                if (ids.TryGetValue(field, out var id))
                {
                    found.Add(new RuleEnforcer(id, typeName, member, relative));
                }
            }
        }
        return found
            .OrderBy(e => e.Rule)
            .ThenBy(e => e.TypeName, StringComparer.Ordinal)
            .ThenBy(e => e.Member, StringComparer.Ordinal)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Each <c>RuleIds.X</c> in the C# <paramref name="code"/>, with its enclosing type and member.</summary>
    internal static IEnumerable<(string Field, string TypeName, string Member)> Usages(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Options).GetRoot();
        foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            if (!NamesRuleIds(access.Expression))
            {
                continue;
            }
            var types = access.Ancestors().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).Reverse().ToList();
            if (types.Count > 0)
            {
                yield return (access.Name.Identifier.ValueText, string.Join('.', types), MemberOf(access));
            }
        }
    }

    /// <summary>
    /// The source with comments and the contents of string and char literals blanked out (a text scan, for the
    /// conventions that look for forbidden tokens in the library's code).
    /// </summary>
    internal static string CodeOnly(string source)
    {
        var code = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
                code.Append(' ');
            }
            else if (c == '"' && source.AsSpan(i).StartsWith("\"\"\""))
            {
                var quotes = 0;
                while (i < source.Length && source[i] == '"')
                {
                    quotes++;
                    i++;
                }
                var end = source.IndexOf(new string('"', quotes), i, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + quotes;
                code.Append("\"\"");
            }
            else if (c == '"' || c == '\'')
            {
                var verbatim = i > 0 && source[i - 1] == '@' || i > 1 && source[i - 1] == '$' && source[i - 2] == '@';
                i++;
                while (i < source.Length && source[i] != c)
                {
                    if (verbatim && source[i] == c && i + 1 < source.Length && source[i + 1] == c)
                    {
                        i++;
                    }
                    else if (!verbatim && source[i] == '\\')
                    {
                        i++;
                    }
                    i++;
                }
                i++;
                code.Append(c).Append(c);
            }
            else
            {
                code.Append(c);
                i++;
            }
        }
        return code.ToString();
    }

    private static bool NamesRuleIds(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == "RuleIds",
        MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText == "RuleIds",
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == "RuleIds",
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == "RuleIds",
        _ => false,
    };

    /// <summary>The member enclosing <paramref name="node"/>: lambdas, local functions and accessors belong to their member.</summary>
    private static string MemberOf(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText;
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? "(static constructor)" : "(constructor)";
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case IndexerDeclarationSyntax:
                    return "this[]";
                case EventDeclarationSyntax @event:
                    return @event.Identifier.ValueText;
                case VariableDeclaratorSyntax variable when variable.Parent?.Parent is BaseFieldDeclarationSyntax:
                    return variable.Identifier.ValueText;
                case OperatorDeclarationSyntax op:
                    return "operator " + op.OperatorToken.ValueText;
                case ConversionOperatorDeclarationSyntax conversion:
                    return conversion.ImplicitOrExplicitKeyword.ValueText + " operator";
                case EnumMemberDeclarationSyntax enumMember:
                    return enumMember.Identifier.ValueText;
                case ParameterListSyntax { Parent: TypeDeclarationSyntax }:
                    return "(constructor)";
                case BaseTypeDeclarationSyntax:
                    return string.Empty;
            }
        }
        return string.Empty;
    }
}
