"""Grid layouts of the BPMN models (see bpmn_layout.py). Columns are 150 px apart; rows and lanes are y values."""

A, B, C = 180, 370, 520          # rows: main path, alternative paths, legal route

COMPLAINT_HANDLING = {
    'rows': {'A': A, 'B': B, 'C': C},
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
        'Task_InvestigateComplaint': (9, 'A'),
        'Gateway_JoinProposal': (10, 'A'),
        'Task_ProposeRemedy': (11, 'A'),
        'Gateway_JoinNegotiation': (12, 'A'),
        'Task_AgreeRemedyWithCustomer': (13, 'A'),
        'Gateway_RemedyAccepted': (14, 'A'),
        'Task_CarryOutRemedy': (15, 'A'),
        'Task_ConfirmResolution': (16, 'A'),
        'Gateway_JoinConfirmation': (17, 'A'),
        'Gateway_ResolutionConfirmed': (18, 'A'),
        'Task_CloseComplaint': (19, 'A'),
        'EndEvent_ComplaintClosed': (20, 'A'),

        'Task_ReviewSuspectedMalicious': (2, 'B'),
        'Gateway_MaliciousConfirmed': (3, 'B'),
        'Gateway_LegalActionNeeded': (4, 'B'),
        'Task_GiveFirmReply': (5, 'B'),
        'Task_CloseAsMalicious': (6, 'B'),
        'EndEvent_MaliciousComplaintClosed': (7, 'B'),
        'StartEvent_ComplaintReopened': (8, 'B'),
        'Gateway_DeclinedNextStep': (14, 'B'),
        'Task_DecideEscalatedComplaint': (15, 'B'),
        'Gateway_EscalationDecision': (16, 'B'),

        'Gateway_JoinLegalRoute': (4, 'C'),
        'Task_RecordLegalReferral': (5, 'C'),
        'Task_CloseAsLegal': (6, 'C'),
        'EndEvent_ComplaintReferredToLegal': (7, 'C'),
    },
    'routes': {
        'SequenceFlow_ResolvableAtFirstContactYes': ('top', 95, 'top'),
        'SequenceFlow_ResolutionConfirmedNo': ('top', 40, 'top'),
        'SequenceFlow_DeclinedNextStepNewProposal': ('left', None, 'bottom'),
        'SequenceFlow_EscalationDecisionNewRemedy': ('top', 300, 'bottom'),
        'SequenceFlow_EscalationDecisionLegal': ('bottom', 610, 'bottom'),
        'SequenceFlow_ConfirmedOnline': ('bottom', 262, 'bottom'),
    },
    'boundaries': {'BoundaryEvent_ResolutionConfirmedByCustomer': 0.3},
}

LAYOUTS = {'complaint-handling': COMPLAINT_HANDLING}

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
