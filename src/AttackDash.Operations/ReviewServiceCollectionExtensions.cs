using AttackDash.Operations.Blocking;
using AttackDash.Operations.Digest;
using AttackDash.Operations.Reviews;
using AttackDash.Storage.Blocking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// The weekly offender review (section "Review") and its digest mail (section "Digest"), as the
    /// pages, the CLI and the worker use them: one policy, one sender. Needs <c>AddAttackDashStorage</c>.
    /// </summary>
    public static IServiceCollection AddAttackDashReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewScheduleOptions>().Bind(configuration.GetSection(ReviewScheduleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Digest__To=a@x,b@y, as one variable, instead of Digest__To__0, Digest__To__1.
        services.PostConfigure<DigestOptions>(o => o.To = CommaList(configuration[$"{DigestOptions.Section}:To"]) ?? o.To);
        services.AddScoped<IReviewService>(sp => ActivatorUtilities.CreateInstance<ReviewService>(sp,
            PolicyOf(sp.GetRequiredService<IOptions<ReviewScheduleOptions>>().Value), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<DigestSender>();
        services.AddSingleton<ReviewStatus>();
        return services;
    }

    /// <summary>The named blocking policies (section "Blocking"), validated at start; see <see cref="BlockingOptions"/>.</summary>
    public static IServiceCollection AddBlockingPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlockingOptions>().Bind(configuration.GetSection(BlockingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BlockingOptions>, BlockingOptionsValidator>();
        return services;
    }

    /// <summary>Proposes or blocks, within seconds, the clients over a live policy's bar; see <see cref="ProposalWorker"/>.</summary>
    public static IServiceCollection AddLiveProposals(this IServiceCollection services) => services.AddHostedService<ProposalWorker>();

    /// <summary>Opens each week's review on schedule and mails its digest; see <see cref="ReviewWorker"/>.</summary>
    public static IServiceCollection AddReviewWorker(this IServiceCollection services) => services.AddHostedService<ReviewWorker>();

    public static ReviewPolicy PolicyOf(ReviewScheduleOptions o) => new(o.MinEvents, o.AnyInjection);

    private static List<string>? CommaList(string? value) =>
        value is { Length: > 0 } v ? [.. v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null;
}
