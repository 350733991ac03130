using MailMerge.Api;
using Microsoft.DurableTask.Client;

namespace MailMerge.Local;

/// <summary>Maps every <see cref="ApiRoute"/> to the same handler the Functions app calls.</summary>
public static class LocalRoutes
{
    /// <summary>Maps the routes under /api.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (ApiRoute route in ApiRoute.All)
        {
            RouteHandlerBuilder mapped = endpoints.MapMethods("/api/" + route.Template, [route.Method], Handler(route.Name)).WithName(route.Name);
            if (route.Anonymous)
            {
                mapped.WithMetadata(new AllowAnonymousRoute());
            }
        }
    }

    private static Delegate Handler(string name) => name switch
    {
        "Health" => (HealthApi api, CancellationToken ct) => api.GetAsync(ct),
        "ListTemplates" => (HttpRequest request, TemplateApi api, CancellationToken ct) => api.ListAsync(request, ct),
        "GetTemplate" => (HttpRequest request, string name, TemplateApi api, CancellationToken ct) => api.GetAsync(request, name, ct),
        "PutTemplate" => (HttpRequest request, string name, TemplateApi api, CancellationToken ct) => api.PutAsync(request, name, ct),
        "DeleteTemplate" => (HttpRequest request, string name, TemplateApi api, CancellationToken ct) => api.DeleteAsync(request, name, ct),
        "PutRecipientList" => (HttpRequest request, string name, UploadApi api, CancellationToken ct) => api.PutRecipientListAsync(request, name, ct),
        "ListAttachments" => (AttachmentApi api, CancellationToken ct) => api.ListAsync(ct),
        "PutAttachment" => (HttpRequest request, string name, AttachmentApi api, CancellationToken ct) => api.PutAsync(request, name, ct),
        "GetAttachment" => (HttpRequest request, string name, AttachmentApi api, CancellationToken ct) => api.GetAsync(request, name, ct),
        "DeleteAttachment" => (string name, AttachmentApi api, CancellationToken ct) => api.DeleteAsync(name, ct),
        "CreateCampaign" => (HttpRequest request, CampaignApi api, DurableTaskClient durable, CancellationToken ct) => api.CreateAsync(request, durable, ct),
        "GetCampaign" => (string id, CampaignApi api, DurableTaskClient durable, CancellationToken ct) => api.GetAsync(id, durable, ct),
        "GetCampaignRecipients" => (HttpRequest request, string id, CampaignApi api, CancellationToken ct) => api.GetRecipientsAsync(request, id, ct),
        "PreviewCampaign" => (HttpRequest request, string id, CampaignApi api, CancellationToken ct) => api.PreviewAsync(request, id, ct),
        "SendTestMessage" => (HttpRequest request, string id, CampaignApi api, CancellationToken ct) => api.SendTestAsync(request, id, ct),
        "UpdateCampaign" => (HttpRequest request, string id, CampaignControlApi api, CancellationToken ct) => api.UpdateAsync(request, id, ct),
        "GetCampaignSummary" => (HttpRequest request, string id, CampaignApi api, CancellationToken ct) => api.SummaryAsync(request, id, ct),
        "StartCampaign" => (HttpRequest request, string id, CampaignControlApi api, DurableTaskClient durable, CancellationToken ct) => api.StartAsync(request, id, durable, ct),
        "RescheduleCampaign" => (HttpRequest request, string id, CampaignControlApi api, DurableTaskClient durable, CancellationToken ct) => api.RescheduleAsync(request, id, durable, ct),
        "PauseCampaign" => (string id, CampaignControlApi api, DurableTaskClient durable, CancellationToken ct) => api.PauseAsync(id, durable, ct),
        "ResumeCampaign" => (string id, CampaignControlApi api, DurableTaskClient durable, CancellationToken ct) => api.ResumeAsync(id, durable, ct),
        "CancelCampaign" => (string id, CampaignControlApi api, DurableTaskClient durable, CancellationToken ct) => api.CancelAsync(id, durable, ct),
        "ListSuppressions" => (HttpRequest request, SuppressionApi api, CancellationToken ct) => api.ListAsync(request, ct),
        "AddSuppressions" => (HttpRequest request, SuppressionApi api, CancellationToken ct) => api.AddManyAsync(request, ct),
        "GetSuppression" => (string address, SuppressionApi api, CancellationToken ct) => api.GetAsync(address, ct),
        "PutSuppression" => (HttpRequest request, string address, SuppressionApi api, CancellationToken ct) => api.PutAsync(request, address, ct),
        "DeleteSuppression" => (string address, SuppressionApi api, CancellationToken ct) => api.DeleteAsync(address, ct),
        "GetCampaignReport" => (string id, DeliveryApi api, DurableTaskClient durable, CancellationToken ct) => api.GetReportAsync(id, durable, ct),
        "RetryFailed" => (string id, DeliveryApi api, DurableTaskClient durable, CancellationToken ct) => api.RetryFailedAsync(id, durable, ct),
        "GetCampaignArchive" => (HttpRequest request, string id, ArchiveApi api, CancellationToken ct) => api.ListAsync(request, id, ct),
        "GetArchivedMessage" => (string id, string row, ArchiveApi api, CancellationToken ct) => api.DownloadAsync(id, row, ct),
        "PutLetterTemplate" => (HttpRequest request, string name, LetterTemplateApi api, CancellationToken ct) => api.PutAsync(request, name, ct),
        "GetLetterTemplate" => (HttpRequest request, string name, LetterTemplateApi api, CancellationToken ct) => api.GetAsync(request, name, ct),
        "CreateLetterBatch" => (HttpRequest request, LetterBatchApi api, DurableTaskClient durable, CancellationToken ct) => api.CreateAsync(request, durable, ct),
        "PreviewLetterBatch" => (HttpRequest request, LetterBatchApi api, CancellationToken ct) => api.PreviewAsync(request, ct),
        "GetLetterBatch" => (string id, LetterBatchApi api, DurableTaskClient durable, CancellationToken ct) => api.GetAsync(id, durable, ct),
        "GetLetterDocuments" => (string id, LetterBatchApi api, CancellationToken ct) => api.GetDocumentsAsync(id, ct),
        "GetLetterDocument" => (string id, string file, LetterBatchApi api, CancellationToken ct) => api.GetDocumentAsync(id, file, ct),
        "GetDispatchList" => (HttpRequest request, string id, LetterBatchApi api, CancellationToken ct) => api.GetDispatchListAsync(request, id, ct),
        "GetJournalEntries" => (HttpRequest request, string name, JournalApi api, CancellationToken ct) => api.GetEntriesAsync(request, name, ct),
        "CreateCompany" => (HttpRequest request, ContactApi api, CancellationToken ct) => api.CreateCompanyAsync(request, ct),
        "GetCompany" => (string id, ContactApi api, CancellationToken ct) => api.GetCompanyAsync(id, ct),
        "PutCompany" => (HttpRequest request, string id, ContactApi api, CancellationToken ct) => api.PutCompanyAsync(request, id, ct),
        "DeleteCompany" => (HttpRequest request, string id, ContactApi api, CancellationToken ct) => api.DeleteCompanyAsync(request, id, ct),
        "GetCompanyPersons" => (string id, ContactApi api, CancellationToken ct) => api.GetCompanyPersonsAsync(id, ct),
        "CreatePerson" => (HttpRequest request, ContactApi api, CancellationToken ct) => api.CreatePersonAsync(request, ct),
        "GetPerson" => (string id, ContactApi api, CancellationToken ct) => api.GetPersonAsync(id, ct),
        "PutPerson" => (HttpRequest request, string id, ContactApi api, CancellationToken ct) => api.PutPersonAsync(request, id, ct),
        "DeletePerson" => (string id, ContactApi api, CancellationToken ct) => api.DeletePersonAsync(id, ct),
        "SearchContacts" => (HttpRequest request, ContactApi api, CancellationToken ct) => api.SearchAsync(request, ct),
        "ImportContacts" => (HttpRequest request, ContactApi api, CancellationToken ct) => api.ImportAsync(request, ct),
        "ResolveContacts" => (HttpRequest request, ContactApi api, CancellationToken ct) => api.ResolveAsync(request, ct),
        _ => throw new InvalidOperationException($"The local host has no handler for route '{name}'."),
    };
}
