"""Grid layouts of the BPMN models (see bpmn_layout.py). Columns are 150 px apart; rows and lanes are y values."""

# complaint-handling: main path on row A; tasks for departments, consultation and the disputed resolution above (U);
# the malicious route, reopening, the customer's information and the revision/escalation loops below (B); the legal
# route at the bottom. Lanes carry the long loops.
U, A, B, LEGAL = 160, 320, 470, 620

COMPLAINT_HANDLING = {
    'rows': {'U': U, 'A': A, 'B': B, 'LEGAL': LEGAL},
    'cells': {
        'StartEvent_ComplaintReceived': (0, 'A'),
        'Task_RegisterComplaint': (1, 'A'),
        'Gateway_SuspectedMalicious': (2, 'A'),
        'Gateway_JoinGoodFaith': (3, 'A'),
        'Task_DetermineCategory': (4, 'A'),
        'Task_AssessSeverity': (5, 'A'),
        'Task_RecordClassification': (6, 'A'),
        'Gateway_ResolvableAtFirstContact': (7, 'A'),
        'Gateway_JoinInvestigation': (8, 'A'),
        'Gateway_JoinFurtherInvestigation': (9, 'A'),
        'Task_InvestigateComplaint': (10, 'A'),
        'Gateway_InvestigationNextStep': (11, 'A'),
        'Gateway_JointConsultationNeeded': (12, 'A'),
        'Gateway_JoinConsultation': (13, 'A'),
        'Gateway_JoinProposal': (14, 'A'),
        'Task_ProposeRemedy': (15, 'A'),
        'Gateway_JoinApproval': (16, 'A'),
        'CallActivity_ApproveRemedy': (17, 'A'),
        'Gateway_RemedyApproved': (18, 'A'),
        'Task_AgreeRemedyWithCustomer': (19, 'A'),
        'Gateway_RemedyAccepted': (20, 'A'),
        'Task_CarryOutRemedy': (21, 'A'),
        'Task_PauseSlaForConfirmation': (22, 'A'),
        'Task_ConfirmResolution': (23, 'A'),
        'Gateway_JoinConfirmation': (24, 'A'),
        'Gateway_ResolutionConfirmed': (25, 'A'),
        'Task_CloseComplaint': (26, 'A'),
        'EndEvent_ComplaintClosed': (27, 'A'),

        'CallActivity_AskDepartments': (11, 'U'),
        'CallActivity_JointConsultation': (12, 'U'),
        'Task_ResumeSlaAfterDispute': (25, 'U'),

        'Task_ReviewSuspectedMalicious': (2, 'B'),
        'Gateway_MaliciousConfirmed': (3, 'B'),
        'Gateway_LegalActionNeeded': (4, 'B'),
        'Task_GiveFirmReply': (5, 'B'),
        'Task_CloseAsMalicious': (6, 'B'),
        'EndEvent_MaliciousComplaintClosed': (7, 'B'),
        'StartEvent_ComplaintReopened': (8, 'B'),
        'CallActivity_AskCustomer': (11, 'B'),
        'Gateway_JoinRevision': (14, 'B'),
        'Gateway_RejectedRemedyProposer': (18, 'B'),
        'Gateway_DeclinedNextStep': (20, 'B'),
        'Gateway_JoinEscalationDecision': (21, 'B'),
        'Task_DecideEscalatedComplaint': (22, 'B'),
        'Gateway_EscalationDecision': (23, 'B'),

        'Gateway_JoinLegalRoute': (4, 'LEGAL'),
        'Task_RecordLegalReferral': (5, 'LEGAL'),
        'Task_CloseAsLegal': (6, 'LEGAL'),
        'EndEvent_ComplaintReferredToLegal': (7, 'LEGAL'),
    },
    'routes': {
        'SequenceFlow_ResolvableAtFirstContactYes': ('top', 70, 'top'),
        'SequenceFlow_DisputeToInvestigation': ('top', 20, 'top'),
        'SequenceFlow_DepartmentsReplied': ('left', None, 'top'),
        'SequenceFlow_CustomerAnswered': ('left', None, 'bottom'),
        'SequenceFlow_ConsultationConcluded': ('right', None, 'top'),
        'SequenceFlow_RejectedRemedyBySupervisor': ('bottom', 600, 'bottom'),
        'SequenceFlow_DeclinedNextStepNewProposal': ('bottom', 560, 'bottom'),
        'SequenceFlow_EscalationDecisionNewRemedy': ('top', 400, 'bottom'),
        'SequenceFlow_EscalationDecisionLegal': ('bottom', 720, 'bottom'),
        'SequenceFlow_ConfirmedOnline': ('bottom', 385, 'bottom'),
    },
    'boundaries': {'BoundaryEvent_ResolutionConfirmedByCustomer': 0.3},
}

REMEDY_APPROVAL = {
    'rows': {'U': 100, 'A': 240, 'B': 380},
    'cells': {
        'StartEvent_RemedyProposed': (0, 'A'),
        'Task_DetermineRemedyAuthority': (1, 'A'),
        'Task_CheckProposerAuthority': (2, 'A'),
        'Gateway_WithinProposerAuthority': (3, 'A'),
        'EndEvent_RemedyWithinAuthority': (3, 'U'),
        'Gateway_JoinApproval': (4, 'A'),
        'Task_ApproveRemedy': (5, 'A'),
        'Gateway_ApprovalDecision': (6, 'A'),
        'EndEvent_RemedyApproved': (7, 'A'),
        'EndEvent_RemedyRejected': (6, 'B'),
    },
    'routes': {'SequenceFlow_ApprovalDecisionEndorse': ('top', 170, 'top')},
}

DEPARTMENT_LINKAGE = {
    'rows': {'A': 120, 'B': 260, 'C': 380},
    'cells': {
        'StartEvent_InquirySent': (0, 'A'),
        'Task_OpenInquiry': (1, 'A'),
        'Task_ReplyToInquiry': (2, 'A'),
        'Task_RateDepartmentReply': (3, 'A'),
        'EndEvent_InquiryAnswered': (4, 'A'),
        'Task_RemindDepartment': (3, 'B'),
        'EndEvent_DepartmentReminded': (4, 'B'),
        'Task_FlagOverdueInquiry': (3, 'C'),
        'EndEvent_OverdueFlagged': (4, 'C'),
    },
    'boundaries': {'BoundaryEvent_ReplyReminderDue': 0.75, 'BoundaryEvent_ReplyOverdue': 0.25},
}

JOINT_CONSULTATION = {
    'rows': {'A': 120},
    'cells': {
        'StartEvent_ConsultationRequested': (0, 'A'),
        'Task_StartConsultation': (1, 'A'),
        'Task_GiveConsultationFindings': (2, 'A'),
        'Task_ConcludeConsultation': (3, 'A'),
        'EndEvent_ConsultationConcluded': (4, 'A'),
    },
}

CUSTOMER_INFORMATION = {
    'rows': {'A': 120, 'B': 250},
    'cells': {
        'StartEvent_InformationNeeded': (0, 'A'),
        'Task_RequestCustomerInformation': (1, 'A'),
        'Task_PauseSlaClock': (2, 'A'),
        'Gateway_AwaitCustomer': (3, 'A'),
        'IntermediateEvent_InformationReceived': (4, 'A'),
        'IntermediateEvent_InformationWaitOver': (4, 'B'),
        'Gateway_JoinCustomerAnswer': (5, 'A'),
        'Task_ResumeSlaClock': (6, 'A'),
        'EndEvent_InvestigationContinues': (7, 'A'),
    },
    'routes': {'SequenceFlow_InformationWaitOver': ('right', None, 'bottom')},
}

LAYOUTS = {'complaint-handling': COMPLAINT_HANDLING, 'remedy-approval': REMEDY_APPROVAL,
           'department-linkage': DEPARTMENT_LINKAGE, 'joint-consultation': JOINT_CONSULTATION,
           'customer-information': CUSTOMER_INFORMATION}

F, R1, R2, R3, E = 130, 360, 500, 640, 860

COMPLAINT_ESCALATION = {
    'rows': {'F': F, 'R1': R1, 'R2': R2, 'R3': R3, 'E': E},
    'cells': {
        'StartEvent_ComplaintReceived': (0, 'R1'),
        'Gateway_StartClocks': (1, 'R1'),
        'StartEvent_FirstResponseClockStarted': (2, 'F'),
        'IntermediateEvent_FirstResponseWarningDue': (3, 'F'),
        'Task_WarnFirstResponseDue': (4, 'F'),
        'IntermediateEvent_FirstResponseDue': (5, 'F'),
        'Task_RecordFirstResponseBreach': (6, 'F'),
        'EndEvent_FirstResponseOverdue': (7, 'F'),
        'Gateway_JoinFirstResponse': (9, 'F'),
        'StartEvent_ResolutionClockStarted': (2, 'R1'),
        'IntermediateEvent_ResolutionWarningDue': (3, 'R1'),
        'Task_WarnResolutionDue': (4, 'R1'),
        'IntermediateEvent_ResolutionDue': (5, 'R1'),
        'Task_RecordResolutionBreach': (6, 'R1'),
        'Task_EscalateToSupervisor': (7, 'R1'),
        'Gateway_SupervisorBroughtIn': (8, 'R1'),
        'Task_SuperviseAsSupervisor': (9, 'R1'),
        'EndEvent_SupervisorSupervised': (10, 'R1'),
        'IntermediateEvent_ManagerEscalationDue': (9, 'R2'),
        'Task_EscalateToManager': (10, 'R2'),
        'Gateway_ManagerBroughtIn': (11, 'R2'),
        'Task_SuperviseAsManager': (12, 'R2'),
        'EndEvent_ManagerSupervised': (13, 'R2'),
        'IntermediateEvent_DirectorEscalationDue': (12, 'R3'),
        'Task_EscalateToDirector': (13, 'R3'),
        'Task_SuperviseAsDirector': (14, 'R3'),
        'EndEvent_DirectorSupervised': (15, 'R3'),
        'Gateway_JoinResolution': (17, 'R1'),
        'Gateway_JoinClocks': (18, 'R1'),
        'EndEvent_ClocksStopped': (19, 'R1'),
        'StartEvent_EscalationDemanded': (2, 'E'),
        'Task_EscalateToManagerOnDemand': (3, 'E'),
        'Task_HandleDemandedEscalation': (4, 'E'),
        'EndEvent_DemandedEscalationHandled': (5, 'E'),
    },
    'routes': {
        'SequenceFlow_ToFirstResponseClock': ('top', None, 'left'),
        'SequenceFlow_FirstResponded': ('bottom', 235, 'bottom'),
        'SequenceFlow_FirstResponseClockStopped': ('right', None, 'top'),
        'SequenceFlow_ComplaintClosed': ('bottom', 740, 'bottom'),
    },
    'boundaries': {'BoundaryEvent_FirstResponded': 0.85, 'BoundaryEvent_ComplaintClosed': 0.92},
}

LAYOUTS['complaint-escalation'] = COMPLAINT_ESCALATION

HOT_SPOT_ANALYSIS = {
    'rows': {'U': 70, 'A': 240, 'R': 380, 'O': 500},
    'cells': {
        'StartEvent_MonthStarted': (0, 'A'),
        'StartEvent_AnalysisRequested': (0, 'R'),
        'Gateway_JoinAnalysisStart': (1, 'A'),
        'Task_GenerateReport': (2, 'A'),
        'Task_HoldJointMeeting': (3, 'A'),
        'Gateway_ProjectsDecided': (4, 'A'),
        'EndEvent_AnalysisDiscussed': (5, 'U'),
        'StartEvent_ProjectStarted': (5, 'A'),
        'Task_OpenProject': (6, 'A'),
        'Task_ReportProjectResult': (7, 'A'),
        'EndEvent_ProjectCompleted': (10, 'A'),
        'Task_RemindProjectDepartment': (8, 'R'),
        'EndEvent_ProjectDepartmentReminded': (9, 'R'),
        'Task_FlagOverdueProject': (8, 'O'),
        'Task_SuperviseOverdueProject': (9, 'O'),
        'EndEvent_OverdueProjectSupervised': (10, 'O'),
        'EndEvent_ProjectsCompleted': (12, 'A'),
    },
    'routes': {'SequenceFlow_AnalysisRequested': ('right', None, 'bottom'),
               'SequenceFlow_ProjectsDecidedNo': ('top', None, 'left')},
    'boundaries': {'BoundaryEvent_ProjectReminderDue': 0.75, 'BoundaryEvent_ProjectOverdue': 0.25},
}

LAYOUTS['hot-spot-analysis'] = HOT_SPOT_ANALYSIS

CASE_REVIEW = {
    'rows': {'U': 60, 'A': 180, 'B': 320},
    'cells': {
        'StartEvent_CaseNominated': (0, 'A'),
        'Gateway_JoinReview': (1, 'A'),
        'Task_ReviewCase': (2, 'A'),
        'Gateway_CaseReviewDecision': (3, 'A'),
        'EndEvent_CaseApproved': (5, 'A'),
        'Task_ReworkCase': (3, 'B'),
        'EndEvent_CaseRejected': (5, 'U'),
    },
    'routes': {'SequenceFlow_CaseReworked': ('left', None, 'bottom'),
               'SequenceFlow_CaseRejected': ('top', None, 'left')},
}

LAYOUTS['case-review'] = CASE_REVIEW

LAUNCH_REVIEW = {
    'rows': {'A': 120, 'B': 260, 'C': 390},
    'cells': {
        'StartEvent_LaunchReviewSubmitted': (0, 'A'),
        'Task_ListPastComplaints': (1, 'A'),
        'Task_ReviewLaunch': (2, 'A'),
        'Gateway_ImprovementsRequested': (3, 'A'),
        'Task_RespondToImprovements': (4, 'B'),
        'Task_RemindProductDepartment': (5, 'C'),
        'EndEvent_ProductDepartmentReminded': (6, 'C'),
        'Gateway_JoinPlanning': (6, 'A'),
        'Task_RecordHandlingPlan': (7, 'A'),
        'Task_RegisterHandlingPlan': (8, 'A'),
        'EndEvent_HandlingPlanRegistered': (9, 'A'),
    },
    'routes': {'SequenceFlow_ImprovementsRequestedYes': ('bottom', None, 'left'),
               'SequenceFlow_ImprovementsAnswered': ('right', None, 'bottom')},
    'boundaries': {'BoundaryEvent_ResponseReminderDue': 0.75},
}

LAYOUTS['launch-review'] = LAUNCH_REVIEW
